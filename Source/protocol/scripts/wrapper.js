// The module wrapper pbjs puts around the generated code (an ES module importing the minimal protobufjs runtime).
import $protobuf from $DEPENDENCY;

// 64-bit integers decode as plain numbers, as the --force-number types promise. Event log positions and
// versions stay far below 2^53, and numbers keep every consumer free of Long arithmetic.
$protobuf.util.Long = null;
$protobuf.configure();

$OUTPUT;

export {
  $DEFAULT_EXPORT$root as default
};
