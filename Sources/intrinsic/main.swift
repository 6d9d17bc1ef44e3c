import IntrinsicApp
import IntrinsicTUI
print("intrinsic")
