/**
 * The open action dialog (start / re-run, stop, signal), drawn from the store's `modal`. Dialogs
 * cannot open under --read-only (the store refuses them). The help overlay is the shell's.
 */
import {useAppStore} from '../store-context.js';
import {ChoiceModal} from './choice-modal.js';
import {StartModal} from './start-modal.js';

export function ModalHost() {
	const modal = useAppStore(state => state.modal);
	switch (modal.kind) {
		case 'start':
			return <StartModal form={modal.form} />;
		case 'stop':
		case 'signal':
			return <ChoiceModal kind={modal.kind} dialog={modal.dialog} />;
		default:
			return null;
	}
}
