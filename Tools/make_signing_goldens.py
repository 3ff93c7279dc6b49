#!/usr/bin/env python3
"""Interop goldens for Tests/VerificationTests, made with the reference OpenSSF `model-signing` package.

usage: python3 Tools/make_signing_goldens.py [--glassbox .build/release/glassbox] [--check]
       (--check: keep the committed fixtures, re-verify them with model_signing, and compare the
        reverse-direction transcript with the committed one)

Needs: pip install model-signing==1.1.1 pyopenssl safetensors torch; minisign (Debian) for the
minisign check. Writes Tests/VerificationTests/Fixtures/:

  reference/model/…            a small model directory (README, config, safetensors, nested tokenizer)
  reference/model.sig          signed by `model_signing` (Python API, key method) with reference.pem's key
  reference/p256.pub.pem       the signer's public key (private scalar fixed below, so the key is stable)
  reference/other.pub.pem      an unrelated public key (must be rejected)
  reference/model.p384.sig     the same directory signed with a P-384 key (SHA-384), p384.pub.pem
  reference/manifest.json      the digests model_signing recorded (name -> sha256 hex), read back from the bundle
  shared-example/…             copies of ../shared/signing-example (reference CLI bundle, two
                               independently made bundles, SHA256SUMS, minisign signature and key)

Then, if the glassbox binary exists, the reverse direction: `glassbox keygen` + `glassbox sign
--minisign` on a copy of reference/model, checked by `model_signing verify key` (CLI and Python API),
`sha256sum -c` and `minisign -V`. Its transcript is compared with (or, without --check, written to)
Tools/make_signing_goldens.expected.txt. ECDSA signatures are randomised, so the bundle bytes change on
every run; the transcript does not.
"""
import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import torch
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from safetensors.torch import save_file

import model_signing

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FIX = os.path.join(ROOT, "Tests", "VerificationTests", "Fixtures")
SHARED = os.path.join(ROOT, "..", "shared", "signing-example")
EXPECTED = os.path.join(ROOT, "Tools", "make_signing_goldens.expected.txt")
# Fixed private scalars: the public keys in the fixtures stay the same across runs (test keys only).
SIGNER_SCALAR = 0x1F2E3D4C5B6A79881F2E3D4C5B6A79881F2E3D4C5B6A79881F2E3D4C5B6A7988
OTHER_SCALAR = 0x0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
P384_SCALAR = 0x0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def make_model(directory):
    shutil.rmtree(directory, ignore_errors=True)
    write(os.path.join(directory, "README.md"), b"# reference model\n\nA tiny model directory for interop tests.\n")
    write(os.path.join(directory, "config.json"), json.dumps({"architectures": ["LlamaForCausalLM"], "hidden_size": 8}, sort_keys=True).encode() + b"\n")
    write(os.path.join(directory, "tokenizer", "tokenizer.json"), b'{"version":"1.0","model":{"type":"BPE"}}\n')
    write(os.path.join(directory, "a-b", "z.txt"), b"sorts after a/b.txt by components\n")
    write(os.path.join(directory, "a", "b.txt"), b"sorts before a-b/z.txt\n")
    gen = torch.Generator().manual_seed(7)
    save_file({"w": torch.randn((4, 4), generator=gen), "b": torch.zeros(4, dtype=torch.float16)},
              os.path.join(directory, "model.safetensors"), metadata={"format": "pt"})


def public_pem(scalar, curve=ec.SECP256R1()):
    key = ec.derive_private_key(scalar, curve)
    return key, key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def make_reference():
    ref = os.path.join(FIX, "reference")
    model = os.path.join(ref, "model")
    make_model(model)
    key, pub = public_pem(SIGNER_SCALAR)
    _, other = public_pem(OTHER_SCALAR)
    write(os.path.join(ref, "p256.pub.pem"), pub)
    write(os.path.join(ref, "other.pub.pem"), other)
    with tempfile.TemporaryDirectory() as tmp:
        pem = os.path.join(tmp, "reference.pem")
        write(pem, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        sig = os.path.join(ref, "model.sig")
        model_signing.signing.Config().use_elliptic_key_signer(private_key=pem).sign(model, sig)
        # P-384 (SHA-384), which model_signing also supports: Glassbox must verify it too.
        key384, pub384 = public_pem(P384_SCALAR, ec.SECP384R1())
        write(os.path.join(ref, "p384.pub.pem"), pub384)
        write(pem, key384.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        model_signing.signing.Config().use_elliptic_key_signer(private_key=pem).sign(model, os.path.join(ref, "model.p384.sig"))
    bundle = json.load(open(os.path.join(ref, "model.sig")))
    payload = json.loads(base64.b64decode(bundle["dsseEnvelope"]["payload"]))
    manifest = {r["name"]: r["digest"] for r in payload["predicate"]["resources"]}
    write(os.path.join(ref, "manifest.json"), json.dumps(manifest, indent=1, sort_keys=True).encode() + b"\n")
    model_signing.verifying.Config().use_elliptic_key_verifier(public_key=os.path.join(ref, "p256.pub.pem")).verify(model, sig)
    return [n for n in payload["predicate"]["resources"]]


def copy_shared():
    dest = os.path.join(FIX, "shared-example")
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(dest)
    for name in ["model", "model.sig", "model.hand-python.sig", "model.hand-shell.sig", "p256.pub.pem",
                 "SHA256SUMS", "SHA256SUMS.minisig", "minisign.pub"]:
        src = os.path.join(SHARED, name)
        (shutil.copytree if os.path.isdir(src) else shutil.copyfile)(src, os.path.join(dest, name))
    for folder, _, files in os.walk(dest):
        os.chmod(folder, 0o755)
        for f in files:
            os.chmod(os.path.join(folder, f), 0o644)


def run(log, args, cwd=None):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    log.append("$ " + " ".join(os.path.basename(a) if os.path.isabs(a) else a for a in args) + f"  -> exit {done.returncode}")
    return done


def reverse_direction(glassbox):
    log = []
    with tempfile.TemporaryDirectory() as tmp:
        model = os.path.join(tmp, "glassbox-model")
        shutil.copytree(os.path.join(FIX, "reference", "model"), model)
        run(log, [glassbox, "keygen", "--name", os.path.join(tmp, "gb")])
        run(log, ["minisign", "-G", "-W", "-p", os.path.join(tmp, "ms.pub"), "-s", os.path.join(tmp, "ms.key")])
        run(log, [glassbox, "sign", model, "--key", os.path.join(tmp, "gb.pem"), "--minisign", os.path.join(tmp, "ms.key")])
        done = run(log, ["model_signing", "verify", "key", model, "--signature", os.path.join(model, "model.sig"),
                         "--public_key", os.path.join(tmp, "gb.pub")])
        log.append("  " + done.stdout.strip())
        try:
            model_signing.verifying.Config().use_elliptic_key_verifier(public_key=os.path.join(tmp, "gb.pub")).verify(
                model, os.path.join(model, "model.sig"))
            log.append("python API verify: ok")
        except Exception as error:  # noqa: BLE001 - the transcript records the failure
            log.append(f"python API verify: FAILED {error}")
        done = run(log, ["sha256sum", "-c", "SHA256SUMS"], cwd=model)
        log += ["  " + line for line in done.stdout.strip().splitlines()]
        done = run(log, ["minisign", "-V", "-p", os.path.join(tmp, "ms.pub"), "-m", os.path.join(model, "SHA256SUMS")])
        log.append("  " + done.stdout.strip().splitlines()[0] if done.stdout.strip() else "  (no output)")
        done = run(log, ["model_signing", "verify", "key", model, "--signature", os.path.join(model, "model.sig"),
                         "--public_key", os.path.join(FIX, "reference", "other.pub.pem")])
        log.append("  (another key must be rejected)")
        bundle = json.load(open(os.path.join(model, "model.sig")))
        log.append("bundle mediaType: " + bundle["mediaType"])
        log.append("hint == sha256(gb.pub): " + str(bundle["verificationMaterial"]["publicKey"]["hint"] ==
                                                  hashlib.sha256(open(os.path.join(tmp, "gb.pub"), "rb").read()).hexdigest()))
    return "\n".join(log) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--glassbox", default=os.path.join(ROOT, ".build", "release", "glassbox"))
    parser.add_argument("--check", action="store_true", help="compare the transcript with the committed one")
    args = parser.parse_args()
    if args.check:
        # Leave the committed fixtures alone; re-check that the reference verifier accepts them.
        ref = os.path.join(FIX, "reference")
        model_signing.verifying.Config().use_elliptic_key_verifier(public_key=os.path.join(ref, "p256.pub.pem")).verify(
            os.path.join(ref, "model"), os.path.join(ref, "model.sig"))
        print("committed reference bundle verifies with model_signing")
    else:
        resources = make_reference()
        print("reference bundle:", len(resources), "files signed by model_signing")
        if os.path.isdir(SHARED):
            copy_shared()
            print("copied", SHARED)
    if not os.path.exists(args.glassbox):
        print("no glassbox binary at", args.glassbox, "- build it (make build) for the reverse direction")
        return 0
    transcript = reverse_direction(args.glassbox)
    print(transcript, end="")
    if args.check:
        same = open(EXPECTED).read() == transcript
        print("transcript matches Tools/make_signing_goldens.expected.txt" if same else "TRANSCRIPT DIFFERS")
        return 0 if same else 1
    write(EXPECTED, transcript.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
