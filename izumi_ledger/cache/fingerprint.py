"""Everything besides a ledger's bytes that could change what checking it gives: izumi's
version and code, Python's version, and the versions of the libraries that read and validate
a ledger, found without importing them (importing them is what a cache hit saves)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path
from typing import Final

from izumi_ledger import __version__

_PACKAGE: Final = Path(__file__).resolve().parent.parent


def environment_fingerprint() -> bytes:
    """The fingerprint, as bytes to hash."""
    parts = [
        __version__,
        sys.version,
        sys.implementation.cache_tag or "",
        _code_fingerprint(),
        *(_library_version(name) for name in ("pydantic", "pydantic_core", "yaml")),
        _extension_fingerprint("yaml"),  # the LibYAML that PyYAML was built with
    ]
    return "\n".join(parts).encode("utf-8", "replace")


def _code_fingerprint() -> str:
    # The version alone does not change while izumi itself is being edited: the size and
    # time of every module of the package do.
    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _package_folder(module: str) -> Path | None:
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def _library_version(module: str) -> str:
    """The version in the dist-info folder beside a package, else its files' sizes and times."""
    folder = _package_folder(module)
    if folder is None:
        return f"{module}: none"
    wanted = {"yaml": "pyyaml"}.get(module, module).replace("-", "_").lower()
    with contextlib.suppress(OSError):
        for entry in os.listdir(folder.parent):
            if entry.endswith(".dist-info"):
                distribution, _, version = entry.removesuffix(".dist-info").partition("-")
                if distribution.replace("-", "_").replace(".", "_").lower() == wanted:
                    return f"{module} {version}"
    return f"{module} {_extension_fingerprint(module)}"


def _extension_fingerprint(module: str) -> str:
    folder = _package_folder(module)
    if folder is None:
        return ""
    digest = hashlib.sha256()
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(folder)):
            if name.endswith((".so", ".pyd", ".py")):
                status = os.stat(folder / name)
                digest.update(f"{name}:{status.st_size}:{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()
