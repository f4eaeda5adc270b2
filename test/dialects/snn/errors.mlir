// RUN: axon-opt %s -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false
// One case per verifier message of the snn dialect.

snn.network @no_inputs {
  // expected-error @below {{'snn.relu' op expects at least one input}}
  %0 = snn.relu : () -> tensor<3xf32>
}

// -----

snn.network @input_shapes_differ {
  %a = snn.input : tensor<3xf32>
  %b = snn.input : tensor<4xf32>
  // expected-error @below {{input #1 has shape [4] but input #0 has shape [3]; summed inputs must have the same shape}}
  snn.output %a, %b : tensor<3xf32>, tensor<4xf32>
}

// -----

snn.network @neuron_result_shape {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{result shape [4] does not match the input shape, expected [3]}}
  %0 = snn.integrator %a {r = dense<1.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<4xf32>
}

// -----

snn.network @spiking_needs_i1 {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{is a spiking population and must produce i1 spikes, got element type 'f32'}}
  %0 = snn.threshold %a {threshold = dense<1.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xf32>
}

// -----

snn.network @non_spiking_needs_float {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{is a non-spiking population and must produce a float signal, got element type 'i1'}}
  %0 = snn.li %a {tau = dense<0.01> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xi1>
}

// -----

snn.network @param_shape {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{'tau' has shape [2], expected [3] (one value per neuron) or a single value}}
  %0 = snn.li %a {tau = dense<0.01> : tensor<2xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xf32>
}

// -----

snn.network @tau_positive {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{'tau' must be positive, got -5.000000e-01 at index 1}}
  %0 = snn.lif %a {tau = dense<[0.01, -0.5, 0.01]> : tensor<3xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xi1>
}

// -----

snn.network @tau_syn_positive {
  %a = snn.input : tensor<1xf32>
  // expected-error @below {{'tau_syn' must be positive, got 0.000000e+00 at index 0}}
  %0 = snn.cuba_lif %a {tau_syn = dense<0.0> : tensor<1xf32>, tau_mem = dense<0.01> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>, w_in = dense<1.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
}

// -----

snn.network @param_finite {
  %a = snn.input : tensor<1xf32>
  // expected-error @below {{'v_threshold' must be finite, got nan at index 0}}
  %0 = snn.if %a {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<0x7FC00000> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
}

// -----

snn.network @flatten_start_range {
  %a = snn.input : tensor<2x3xf32>
  // expected-error @below {{'start_dim' (5) is out of range for an input of rank 2}}
  %0 = snn.flatten %a {start_dim = 5 : i64, end_dim = -1 : i64} : (tensor<2x3xf32>) -> tensor<6xf32>
}

// -----

snn.network @flatten_end_range {
  %a = snn.input : tensor<2x3xf32>
  // expected-error @below {{'end_dim' (-3) is out of range for an input of rank 2}}
  %0 = snn.flatten %a {start_dim = 0 : i64, end_dim = -3 : i64} : (tensor<2x3xf32>) -> tensor<6xf32>
}

// -----

snn.network @flatten_order {
  %a = snn.input : tensor<2x3xf32>
  // expected-error @below {{'start_dim' (1) must not come after 'end_dim' (0)}}
  %0 = snn.flatten %a {start_dim = 1 : i64, end_dim = 0 : i64} : (tensor<2x3xf32>) -> tensor<6xf32>
}

// -----

snn.network @flatten_result {
  %a = snn.input : tensor<2x3x4xf32>
  // expected-error @below {{result shape [24] does not match the flattened input, expected [2, 12]}}
  %0 = snn.flatten %a {start_dim = 1 : i64, end_dim = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<24xf32>
}

// -----

snn.network @flatten_element_type {
  %a = snn.input : tensor<2x3xi1>
  // expected-error @below {{result element type must equal the input's ('i1')}}
  %0 = snn.flatten %a {start_dim = 0 : i64, end_dim = 1 : i64} : (tensor<2x3xi1>) -> tensor<6xf32>
}

// -----

snn.network @delay_type {
  %a = snn.input : tensor<2xi1>
  // expected-error @below {{result type 'tensor<2xf32>' must equal the input type 'tensor<2xi1>'}}
  %0 = snn.delay %a {delay = dense<0.001> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xf32>
}

// -----

snn.network @delay_negative {
  %a = snn.input : tensor<2xi1>
  // expected-error @below {{'delay' must be non-negative, got -1.000000e+00 at index 0}}
  %0 = snn.delay %a {delay = dense<[-1.0, 0.0]> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xi1>
}

// -----

snn.network @relu_float {
  %a = snn.input : tensor<2xf32>
  // expected-error @below {{result must have a float element type, got 'i1'}}
  %0 = snn.relu %a : (tensor<2xf32>) -> tensor<2xi1>
}

// -----

snn.network @clamp_order {
  %a = snn.input : tensor<2xf32>
  // expected-error @below {{'min' (2.000000e+00) must not be greater than 'max' (1.000000e+00)}}
  %0 = snn.clamp %a {min = 2.0 : f64, max = 1.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

snn.network @batch_norm_rank {
  %a = snn.input : tensor<f32>
  // expected-error @below {{input must have rank >= 1 (dimension 0 is the normalized channel)}}
  %0 = snn.batch_norm %a {gamma = dense<1.0> : tensor<1xf32>, beta = dense<0.0> : tensor<1xf32>, mean = dense<0.0> : tensor<1xf32>, var = dense<1.0> : tensor<1xf32>, epsilon = 1.0e-5 : f64} : (tensor<f32>) -> tensor<f32>
}

// -----

snn.network @batch_norm_channels {
  %a = snn.input : tensor<3x4xf32>
  // expected-error @below {{'gamma' has shape [4], expected [3] (one value per neuron) or a single value}}
  %0 = snn.batch_norm %a {gamma = dense<1.0> : tensor<4xf32>, beta = dense<0.0> : tensor<1xf32>, mean = dense<0.0> : tensor<1xf32>, var = dense<1.0> : tensor<1xf32>, epsilon = 1.0e-5 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
}

// -----

snn.network @batch_norm_var {
  %a = snn.input : tensor<2xf32>
  // expected-error @below {{'var' must be non-negative, got -1.000000e+00 at index 1}}
  %0 = snn.batch_norm %a {gamma = dense<1.0> : tensor<2xf32>, beta = dense<0.0> : tensor<2xf32>, mean = dense<0.0> : tensor<2xf32>, var = dense<[1.0, -1.0]> : tensor<2xf32>, epsilon = 1.0e-5 : f64} : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

snn.network @batch_norm_epsilon {
  %a = snn.input : tensor<2xf32>
  // expected-error @below {{'epsilon' must be positive, got 0.000000e+00}}
  %0 = snn.batch_norm %a {gamma = dense<1.0> : tensor<2xf32>, beta = dense<0.0> : tensor<2xf32>, mean = dense<0.0> : tensor<2xf32>, var = dense<1.0> : tensor<2xf32>, epsilon = 0.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
}

// -----

snn.network @argmax_rank {
  %a = snn.input : tensor<2x5xf32>
  // expected-error @below {{input must have rank 1, got shape [2, 5]}}
  %0 = snn.argmax %a : (tensor<2x5xf32>) -> tensor<1xi64>
}

// -----

snn.network @argmax_result {
  %a = snn.input : tensor<5xf32>
  // expected-error @below {{result must be tensor<1xi64>, got 'tensor<1xi32>'}}
  %0 = snn.argmax %a : (tensor<5xf32>) -> tensor<1xi32>
}

// -----

snn.network @affine_input_rank {
  %a = snn.input : tensor<f32>
  // expected-error @below {{input must have rank >= 1}}
  %0 = snn.affine %a {weight = dense<1.0> : tensor<2x1xf32>, bias = dense<0.0> : tensor<2xf32>} : (tensor<f32>) -> tensor<2xf32>
}

// -----

snn.network @affine_weight_rank {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{'weight' must have rank 2 ([out, in]), got shape [3]}}
  %0 = snn.affine %a {weight = dense<1.0> : tensor<3xf32>, bias = dense<0.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xf32>
}

// -----

snn.network @linear_columns {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{'weight' has 4 columns but the input's last dimension is 3}}
  %0 = snn.linear %a {weight = dense<1.0> : tensor<2x4xf32>} : (tensor<3xf32>) -> tensor<2xf32>
}

// -----

snn.network @linear_result {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{result shape [3] does not match the weight's output size, expected [2]}}
  %0 = snn.linear %a {weight = dense<1.0> : tensor<2x3xf32>} : (tensor<3xf32>) -> tensor<3xf32>
}

// -----

snn.network @linear_finite {
  %a = snn.input : tensor<1xf32>
  // expected-error @below {{'weight' must be finite}}
  %0 = snn.linear %a {weight = dense<0x7F800000> : tensor<1x1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
}

// -----

snn.network @affine_bias {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{'bias' has shape [3], expected [2] (one value per neuron) or a single value}}
  %0 = snn.affine %a {weight = dense<1.0> : tensor<2x3xf32>, bias = dense<0.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<2xf32>
}

// -----

snn.network @scale_shape {
  %a = snn.input : tensor<3xf32>
  // expected-error @below {{'scale' has shape [2], expected [3] (one value per neuron) or a single value}}
  %0 = snn.scale %a {scale = dense<1.0> : tensor<2xf32>} : (tensor<3xf32>) -> tensor<3xf32>
}

// -----

snn.network @conv_input_rank {
  %a = snn.input : tensor<4x4xf32>
  // expected-error @below {{input must have rank 3 ([C, H, W]), got shape [4, 4]}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<1x1x3x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<4x4xf32>) -> tensor<1x2x2xf32>
}

// -----

snn.network @conv_weight_rank {
  %a = snn.input : tensor<1x8xf32>
  // expected-error @below {{'weight' must have rank 3 ([C_out, C_in/groups, K]), got shape [1, 3]}}
  %0 = snn.conv1d %a {weight = dense<1.0> : tensor<1x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x8xf32>) -> tensor<1x6xf32>
}

// -----

snn.network @conv_stride_count {
  %a = snn.input : tensor<1x4x4xf32>
  // expected-error @below {{'stride' must have 2 values, got 1}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<1x1x3x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4xf32>) -> tensor<1x2x2xf32>
}

// -----

snn.network @conv_stride_positive {
  %a = snn.input : tensor<1x4x4xf32>
  // expected-error @below {{'stride' values must be >= 1, got [0, 1]}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<1x1x3x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 0, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4xf32>) -> tensor<1x2x2xf32>
}

// -----

snn.network @conv_padding_negative {
  %a = snn.input : tensor<1x4x4xf32>
  // expected-error @below {{'padding' values must be >= 0, got [-1, 0]}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<1x1x3x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 1, 1>, padding = array<i64: -1, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x4x4xf32>) -> tensor<1x2x2xf32>
}

// -----

snn.network @conv_groups {
  %a = snn.input : tensor<3x4x4xf32>
  // expected-error @below {{'groups' (2) must be positive and divide the input channels (3) and the output channels (4)}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<4x1x3x3xf32>, bias = dense<0.0> : tensor<4xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 2 : i64} : (tensor<3x4x4xf32>) -> tensor<4x2x2xf32>
}

// -----

snn.network @conv_channels {
  %a = snn.input : tensor<3x4x4xf32>
  // expected-error @below {{'weight' expects 2 input channels per group, but the input has 3 channels in 1 group(s)}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<4x2x3x3xf32>, bias = dense<0.0> : tensor<4xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<3x4x4xf32>) -> tensor<4x2x2xf32>
}

// -----

snn.network @conv_kernel_too_large {
  %a = snn.input : tensor<1x4x4xf32>
  // expected-error @below {{the dilated kernel (5) is larger than the padded input (4) along spatial dimension 0}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<1x1x3x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 2, 1>, groups = 1 : i64} : (tensor<1x4x4xf32>) -> tensor<1x1x2xf32>
}

// -----

snn.network @conv_result {
  %a = snn.input : tensor<1x5x5xf32>
  // expected-error @below {{result shape [1, 3, 3] does not match the convolution geometry, expected [1, 2, 2]}}
  %0 = snn.conv2d %a {weight = dense<1.0> : tensor<1x1x3x3xf32>, bias = dense<0.0> : tensor<1xf32>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x5x5xf32>) -> tensor<1x3x3xf32>
}

// -----

snn.network @conv_bias {
  %a = snn.input : tensor<1x8xf32>
  // expected-error @below {{'bias' has shape [3], expected [2] (one value per neuron) or a single value}}
  %0 = snn.conv1d %a {weight = dense<1.0> : tensor<2x1x3xf32>, bias = dense<0.0> : tensor<3xf32>, stride = array<i64: 1>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 1 : i64} : (tensor<1x8xf32>) -> tensor<2x6xf32>
}

// -----

snn.network @pool_rank {
  %a = snn.input : tensor<4x4xf32>
  // expected-error @below {{input must have rank 3 ([C, H, W]), got shape [4, 4]}}
  %0 = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<4x4xf32>) -> tensor<2x2xf32>
}

// -----

snn.network @pool_kernel_count {
  %a = snn.input : tensor<1x4x4xf32>
  // expected-error @below {{'kernel_size' must have 2 values, got 3}}
  %0 = snn.avg_pool2d %a {kernel_size = array<i64: 2, 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<1x4x4xf32>) -> tensor<1x2x2xf32>
}

// -----

snn.network @pool_kernel_too_large {
  %a = snn.input : tensor<1x4x4xf32>
  // expected-error @below {{the kernel (5) is larger than the padded input (4) along spatial dimension 1}}
  %0 = snn.avg_pool2d %a {kernel_size = array<i64: 2, 5>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<1x4x4xf32>) -> tensor<1x2x1xf32>
}

// -----

snn.network @pool_result {
  %a = snn.input : tensor<2x4x4xf32>
  // expected-error @below {{result shape [2, 3, 3] does not match the pooling geometry, expected [2, 2, 2]}}
  %0 = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<2x4x4xf32>) -> tensor<2x3x3xf32>
}

// -----

// expected-error @below {{body block must not have arguments; use snn.input}}
"snn.network"() ({
^bb0(%arg0: tensor<2xf32>):
}) {sym_name = "block_arguments"} : () -> ()

// -----

// expected-error @below {{'dt' must be a positive time step in seconds, got -1.000000e-03}}
snn.network @bad_dt attributes {discretization = #snn.discretization<dt = -1.0e-3, method = exact, reset = zero>} {
}

// -----

// expected-error @below {{unknown discretization method 'rk4', expected 'exact' or 'euler'}}
snn.network @bad_method attributes {discretization = #snn.discretization<dt = 1.0e-3, method = rk4, reset = zero>} {
}

// -----

// expected-error @below {{unknown reset mode 'hold', expected 'zero', 'subtract' or 'to_v_reset'}}
snn.network @bad_reset attributes {discretization = #snn.discretization<dt = 1.0e-3, method = exact, reset = hold>} {
}

// -----

module {
  // expected-error @below {{'snn.input' op expects parent op 'snn.network'}}
  %0 = snn.input : tensor<2xf32>

}
