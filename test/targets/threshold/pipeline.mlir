// RUN: axon-opt %s --axon-threshold-pipeline="max-fanin=3 max-weight=1" | FileCheck %s
// The pipeline is convert-snn-to-tlg then tlg-legalize-fanin.  The neuron is
// MAJ5 over the bits: a = sum s_i >= 0 with 5 inputs iff 2G - 5 >= 0 iff
// G >= 3; with 3-input cells it decomposes as in legalize-fanin.mlir (the
// final OR of three terms).
// CHECK-LABEL: net.module @majority(in %x0 : i1, in %x1 : i1, in %x2 : i1, in %x3 : i1, in %x4 : i1, out y0 : i1)
// CHECK-COUNT-7: tlg.gate %{{[^,]+}}{{(, %[^,]+)?(, %[^,]+)?}} {threshold
// CHECK-NEXT:    %[[Y:.+]] = tlg.gate %{{.+}}, %{{.+}}, %{{.+}} {threshold = 1 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1, 1>}
// CHECK-NEXT:    net.output %[[Y]] : i1
snn.network @majority {
  %x = snn.input : tensor<5xf32>
  %a = snn.linear %x {weight = dense<1.0> : tensor<1x5xf32>} : (tensor<5xf32>) -> tensor<1xf32>
  %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}
