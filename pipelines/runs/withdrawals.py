"""A run does not withdraw most of the warehouse by accident.

An empty, unmounted or mistyped raw folder looks like every file was deleted:
each loaded document would be withdrawn and an empty warehouse published. A
run that would withdraw all the loaded documents, or more than
``WITHDRAW_SHARE`` of them (and more than one), stops before it builds anything
unless withdrawing was allowed explicitly. A document whose file was replaced
(same name, new content) or cannot be read is not counted: it is not gone.
"""

from __future__ import annotations

from typing import Any

from pipelines.runs.inventory import Inventory
from pipelines.warehouse.loader import STATUSES_WITH_FACTS

#: the share of the loaded documents a run may withdraw without being told to
WITHDRAW_SHARE = 0.1


class WithdrawRefused(RuntimeError):
    """The run would withdraw too many documents; nothing was built or published."""


def removed_documents(ledger: dict[str, dict[str, Any]], inventory: Inventory) -> list[str]:
    """The loaded (or partial) documents of the published warehouse whose file is gone."""
    present_ids = {document.document_id for document in inventory.documents}
    present_names = {name for name, _ in inventory.unreadable}
    for document in inventory.documents:
        present_names.add(document.source_file)
        present_names.update(document.aliases)
    return sorted(
        document_id
        for document_id, entry in ledger.items()
        if entry.get("status") in STATUSES_WITH_FACTS
        and document_id not in present_ids
        and entry.get("source_file") not in present_names
        and inventory.unreadable_folder_of(str(entry.get("source_file"))) is None
    )


def check_withdrawals(
    ledger: dict[str, dict[str, Any]], inventory: Inventory, allow_withdraw: bool
) -> None:
    """Raise :class:`WithdrawRefused` if this inventory would withdraw too much."""
    if allow_withdraw:
        return
    removed = removed_documents(ledger, inventory)
    loaded = sum(1 for entry in ledger.values() if entry.get("status") in STATUSES_WITH_FACTS)
    if not removed or (len(removed) < loaded and len(removed) <= max(1, WITHDRAW_SHARE * loaded)):
        return
    share = f"all {loaded}" if len(removed) == loaded else f"{len(removed)} of the {loaded}"
    names = sorted(str(ledger[document_id].get("source_file")) for document_id in removed)
    examples = ", ".join(names[:3])
    more = f" and {len(removed) - 3} more" if len(removed) > 3 else ""
    raise WithdrawRefused(
        f"stopped before building: this run would withdraw {share} loaded documents, "
        f"whose files are not in {inventory.raw_dir} ({examples}{more}); an empty, unmounted "
        "or mistyped raw folder? If they were removed on purpose, run again allowing it "
        "(fiscal run --allow-withdraw; in Dagster, allow_withdraw: true in the fiscal resource)"
    )
