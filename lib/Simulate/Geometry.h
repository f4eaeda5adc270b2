//===- Geometry.h - Convolution and pooling geometry ------------*- C++ -*-===//
//
// Shape inference (Network::finalize) and the conv/pool kernels must agree on
// output sizes and index arithmetic, so both read the geometry from here.
// Layout is NIR's: channels first, no batch dimension ([C, L] or [C, H, W]).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_SIMULATE_GEOMETRY_H
#define AXON_LIB_SIMULATE_GEOMETRY_H

#include "axon/Simulate/Network.h"

namespace axon::sim {

/// A 1-D convolution is stored as a 2-D one with H = 1.
struct ConvGeometry {
  int64_t inC = 0, outC = 0, groups = 1;
  int64_t inH = 1, inW = 0, outH = 1, outW = 0;
  int64_t kH = 1, kW = 0;
  int64_t strideH = 1, strideW = 1;
  int64_t padH = 0, padW = 0;
  int64_t dilH = 1, dilW = 1;

  int64_t numIn() const { return inC * inH * inW; }
  int64_t numOut() const { return outC * outH * outW; }
  int64_t inPerGroup() const { return inC / groups; }
  int64_t outPerGroup() const { return outC / groups; }
};

/// Geometry of a Conv1d/Conv2d node given its input shape.
llvm::Expected<ConvGeometry> convGeometry(const Node &node,
                                          llvm::ArrayRef<int64_t> inShape);
/// Geometry of a SumPool2d/AvgPool2d node (groups = channels, one kernel per
/// channel, no weights).
llvm::Expected<ConvGeometry> poolGeometry(const Node &node,
                                          llvm::ArrayRef<int64_t> inShape);

} // namespace axon::sim

#endif // AXON_LIB_SIMULATE_GEOMETRY_H
