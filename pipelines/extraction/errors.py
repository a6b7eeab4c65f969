"""Why a file could not be read as a disclosure document."""


class DocumentRejected(Exception):
    """The file cannot be extracted at all; ``reason`` says why, for dim_document.status_reason.

    Raised for: not a PDF, zero bytes, truncated or corrupt, encrypted, no text
    layer (scanned: OCR needed), no disclosure tables at all.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
