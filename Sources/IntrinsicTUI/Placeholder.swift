import IntrinsicApp
import CNcursesw
