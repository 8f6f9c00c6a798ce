"""Why the system refused to read or write, said in the reader's language."""

from __future__ import annotations

import errno

from izumi_ledger.text.messages import t


def os_reason(error: OSError) -> str:
    """Why the system refused, in the reader's language where the reason is a common one
    (the C library words it in English)."""
    known = {
        errno.ENOENT: t("oserror.not_found"),
        errno.EACCES: t("oserror.denied"),
        errno.EPERM: t("oserror.denied"),
        errno.ENOSPC: t("oserror.full"),
        errno.EROFS: t("oserror.read_only"),
        errno.EISDIR: t("oserror.is_folder"),
        errno.ENOTDIR: t("oserror.not_folder"),
        errno.EEXIST: t("oserror.exists"),
        errno.ENOTEMPTY: t("oserror.not_empty"),
        errno.ENAMETOOLONG: t("oserror.name_too_long"),
    }
    said = known.get(error.errno or 0)
    return said if said else str(error.strerror or error)
