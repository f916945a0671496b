/**
 * The action dialogs (start / re-run, stop, signal), one at a time, from the
 * store's `modal`. In read-only mode none of them acts: the keymap hides their
 * keys, and if one is opened anyway this says why and closes on any key.
 * The help overlay ('help') is the shell's and is not rendered here.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {useAppStore, useAppStoreApi} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {SignalModal} from './signal-modal.js';
import {StartModal} from './start-modal.js';
import {StopModal} from './stop-modal.js';
import {useModalInput} from './use-modal-input.js';

export const ACTION_MODALS = ['start', 'stop', 'signal'] as const;

function ReadOnlyNotice() {
	const app = useAppStoreApi();
	const theme = useTheme();
	// Any key but the app's quit key (useModalInput keeps that for the app).
	useModalInput(() => app.getState().actions.modalClosed());
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold color={tint(theme, 'yellow')}>
				Read-only mode
			</Text>
			<Text>ssmtop was started with --read-only: starting, re-running, stopping and signalling executions are disabled.</Text>
			<Text dimColor>Any key: close</Text>
		</Box>
	);
}

export function ModalHost() {
	const modal = useAppStore(state => state.modal);
	const readOnly = useAppStore(state => state.context.readOnly);
	if (modal.kind === 'none' || modal.kind === 'help') return null;
	if (readOnly) return <ReadOnlyNotice />;
	switch (modal.kind) {
		case 'start':
			return (
				<StartModal
					key={`${modal.fromExecutionId ?? 'new'}-${modal.onlyFailed ?? 'all'}`}
					{...(modal.fromExecutionId === undefined ? {} : {fromExecutionId: modal.fromExecutionId})}
					{...(modal.onlyFailed === undefined ? {} : {onlyFailed: modal.onlyFailed})}
				/>
			);
		case 'stop':
			return <StopModal executionId={modal.executionId} />;
		case 'signal':
			return <SignalModal executionId={modal.executionId} />;
	}
}
