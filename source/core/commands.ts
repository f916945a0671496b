/**
 * The commands keys can give, and what has the keys inside an open dialog. Declared in core
 * because the dialogs' pure transitions (core/dialogs) take commands; the keys that give each
 * command are bound in one place, ui/keymap.ts.
 */

export type Command =
	| 'quit'
	| 'quit.force'
	| 'suspend'
	| 'help'
	| 'refresh'
	| 'pause'
	| 'run.start'
	| 'run.rerun'
	| 'run.stop'
	| 'run.signal'
	| 'run.watch'
	| 'notices.open'
	| 'screen.pulse'
	| 'parent.open'
	| 'screen.locations'
	| 'notices.close'
	| 'cursor.up'
	| 'cursor.down'
	| 'cursor.left'
	| 'cursor.right'
	| 'cursor.pageUp'
	| 'cursor.pageDown'
	| 'cursor.top'
	| 'cursor.bottom'
	| 'open'
	| 'back'
	| 'pane.next'
	| 'filter.open'
	| 'filter.clear'
	| 'sort.next'
	| 'sort.reverse'
	| 'quick.running'
	| 'quick.waiting'
	| 'quick.problem'
	| 'quick.success'
	| 'quick.cancelled'
	| 'quick.clear'
	| 'filter.apply'
	| 'filter.cancel'
	| 'filter.deleteChar'
	| 'filter.clearDraft'
	| 'filter.type'
	| 'help.close'
	| 'modal.close'
	| 'modal.next'
	| 'modal.previous'
	| 'modal.confirm'
	| 'list.up'
	| 'list.down'
	| 'choice.previous'
	| 'choice.next'
	| 'choice.open'
	| 'text.deleteChar'
	| 'text.left'
	| 'text.right'
	| 'text.home'
	| 'text.end'
	| 'text.clear'
	| 'text.type'
	| 'form.copy'
	| 'confirm.yes'
	| 'confirm.no'
	// Links and copy (y, o) and the full-text viewer (v).
	| 'copy.id'
	| 'copy.url'
	| 'viewer.open'
	| 'viewer.previous'
	| 'viewer.next'
	| 'viewer.copy'
	| 'viewer.close';

/**
 * What has the keys inside an open action dialog.
 */
export type DialogFocus =
	/** A button, or a dialog with nothing focused. */
	| 'fields'
	/** A list: the stop / signal options, the runbook matches, a choice's open list. */
	| 'list'
	/** A text field. */
	| 'text'
	/** The runbook search: text, with ↑/↓ moving in the matches below it. */
	| 'text-list'
	/** A choice or a yes/no field. */
	| 'choice'
	/** The start dialog's review step. */
	| 'review'
	/** A y/n question ("Discard this form?", "Cancel execution …?"). */
	| 'question';
