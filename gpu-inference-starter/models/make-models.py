#!/usr/bin/python3
"""Makes the tiny models that Funcboot's inference tests, demo and benchmark load.

Run with Debian's interpreter and packages (bookworm: python3-torch 1.13.1, python3-onnx 1.12):
    apt-get install python3-torch python3-onnx
    /usr/bin/python3 gpu-inference-starter/models/make-models.py
The outputs are committed; DJL 0.36 (PyTorch 2.7.1, ONNX Runtime 1.21) loads them. Weights are fixed
or seeded, so running it again gives models that compute the same function.

  linear.pt / linear.onnx   y = W x + b, 4 inputs -> 3 outputs, W and b below (tests compute the
                            expected values from them); the batch dimension is dynamic
  classifier.pt             8 features -> 3 class probabilities (softmax), the demo's bundled model
  mlp.pt                    256 -> 512 -> 512 -> 16 with ReLU, the benchmark's model (enough work per
                            row that a batched forward pass has something to amortise)
"""
import os

import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))

W = [[1.0, 0.0, 0.0, 0.0],
     [0.0, 2.0, 0.0, 0.0],
     [0.5, 0.5, 0.5, 0.5]]
B = [0.1, -0.2, 0.3]


def save_traced(module, example, name, target):
    module.eval()
    traced = torch.jit.trace(module, example)
    os.makedirs(target, exist_ok=True)
    path = os.path.join(target, name)
    traced.save(path)
    print("wrote", path)


def linear():
    module = torch.nn.Linear(4, 3)
    with torch.no_grad():
        module.weight.copy_(torch.tensor(W))
        module.bias.copy_(torch.tensor(B))
    return module


def linear_onnx(path):
    import numpy as np
    weight = numpy_helper.from_array(np.array(W, dtype=np.float32).T.copy(), "weight")
    bias = numpy_helper.from_array(np.array(B, dtype=np.float32), "bias")
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["input", "weight"], ["product"]),
         helper.make_node("Add", ["product", "bias"], ["output"])],
        "linear",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 4])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", 3])],
        initializer=[weight, bias])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="funcboot")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)
    print("wrote", path)


def classifier():
    torch.manual_seed(7)
    return torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3),
                               torch.nn.Softmax(dim=1))


def mlp():
    torch.manual_seed(11)
    return torch.nn.Sequential(torch.nn.Linear(256, 512), torch.nn.ReLU(), torch.nn.Linear(512, 512),
                               torch.nn.ReLU(), torch.nn.Linear(512, 16))


if __name__ == "__main__":
    root = os.path.dirname(HERE)
    repo = os.path.dirname(root)
    tests = os.path.join(root, "inference-core", "src", "test", "resources", "models")
    save_traced(linear(), torch.zeros(2, 4), "linear.pt", tests)
    save_traced(linear(), torch.zeros(2, 4), "linear.pt",
                os.path.join(root, "inference-spring-boot-starter", "src", "test", "resources", "models"))
    linear_onnx(os.path.join(tests, "linear.onnx"))
    save_traced(classifier(), torch.zeros(2, 8), "classifier.pt",
                os.path.join(repo, "demo-apps", "inference-classifier", "src", "main", "resources", "models"))
    save_traced(mlp(), torch.zeros(2, 256), "mlp.pt",
                os.path.join(repo, "benchmarks", "src", "main", "resources", "models"))
