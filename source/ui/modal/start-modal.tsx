/**
 * The start-run dialog (`n`) and the re-run dialog (`R`): runbook → parameters →
 * run settings → review (the equivalent CLI command) → start. Its state lives in
 * a small store of its own, so key presses that arrive between two renders
 * still see each other; it talks to AWS only through the ActionPort.
 */
// eslint-disable-next-line no-restricted-imports -- until the start dialog's effects move to the effect runner (issue 9)
import {readFile} from 'node:fs/promises';
// eslint-disable-next-line no-restricted-imports -- until the start dialog's effects move to the effect runner (issue 9)
import {randomUUID} from 'node:crypto';
import {Box, useStdout} from 'ink';
import {Text} from '../text.js';
import {useEffect, useState} from 'react';
import {useStore} from 'zustand';
import {createStore, type StoreApi} from 'zustand/vanilla';
import {ActionError} from '../../core/ports.js';
import type {ExecutionDetail} from '../../core/types.js';
import {buildStartRequest} from '../../core/start-form/build-request.js';
import {renderCliCommand} from '../../core/start-form/cli-command.js';
import {parseRunbookParameters} from '../../core/start-form/parameter-spec.js';
import {locationDraft, prefillFromExecution, rerunOptions, type OnlyFailed} from '../../core/start-form/rerun-prefill.js';
import {tagsText} from '../../core/start-form/settings-text.js';
import {parseTargetLocationsFile} from '../../core/start-form/target-locations-file.js';
import {usePort} from '../port-context.js';
import {useAppStore, useAppStoreApi} from '../store-context.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {dialogHint, dialogKey} from './dialog-keys.js';
import {FieldList} from './field-list.js';
import {allErrors, fieldsOf, filteredDocuments, stepMessageKey, visibleError, type FieldDef} from './start-form-fields.js';
import {handleStartKey, startHint, type StartEffect} from './start-form-keys.js';
import {newStartForm, prefilledStartForm, withDefinition, withRerunTags, type StartFormState, type StartStep} from './start-form-state.js';
import {useModalInput} from './use-modal-input.js';

export interface StartModalProps {
	readonly fromExecutionId?: string;
	readonly onlyFailed?: OnlyFailed;
	/** Injected in tests; a fresh UUID per form otherwise. */
	readonly newToken?: () => string;
}

const STEP_TITLES: ReadonlyArray<readonly [StartStep, string]> = [
	['document', 'Runbook'],
	['parameters', 'Parameters'],
	['settings', 'Run settings'],
	['review', 'Review'],
];

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function initialState(
	regions: readonly string[],
	token: string,
	source: ExecutionDetail | undefined,
	onlyFailed: OnlyFailed | undefined,
	fromExecutionId: string | undefined,
): StartFormState {
	const init = {regions, clientToken: token};
	if (fromExecutionId === undefined) return newStartForm(init);
	if (!source) return {...newStartForm(init), serviceError: `Execution ${fromExecutionId} is not loaded; choose the runbook by hand.`};
	const options = rerunOptions(source);
	if (onlyFailed === undefined && (options.locations > 0 || options.targets > 0))
		return {...newStartForm({...init, region: source.region}), step: 'scope', rerun: {executionId: source.id, ...options}};
	const prefill = prefillFromExecution(source, onlyFailed);
	if (!prefill.ok) {
		const whole = prefillFromExecution(source);
		return whole.ok ? {...prefilledStartForm(init, whole.value), serviceError: prefill.error} : newStartForm(init);
	}
	return prefilledStartForm(init, prefill.value);
}

export function StartModal({fromExecutionId, onlyFailed, newToken = randomUUID}: StartModalProps) {
	const app = useAppStoreApi();
	const port = usePort();
	const theme = useTheme();
	const viewport = useAppStore(state => state.viewport);
	const {write} = useStdout();
	const [form] = useState<StoreApi<StartFormState>>(() => {
		const state = app.getState();
		const source: ExecutionDetail | undefined =
			fromExecutionId === undefined
				? undefined
				: (state.details[fromExecutionId] ?? (state.executions[fromExecutionId] ? {...state.executions[fromExecutionId]!, steps: []} : undefined));
		return createStore<StartFormState>()(() => initialState(state.context.regions, newToken(), source, onlyFailed, fromExecutionId));
	});
	const state = useStore(form, current => current);

	function sourceDetail(): ExecutionDetail | undefined {
		if (fromExecutionId === undefined) return undefined;
		const current = app.getState();
		return current.details[fromExecutionId] ?? (current.executions[fromExecutionId] ? {...current.executions[fromExecutionId]!, steps: []} : undefined);
	}

	async function loadDocuments(): Promise<void> {
		const {region, owner} = form.getState();
		form.setState({documents: {state: 'loading'}});
		try {
			const documents = await port.listDocuments(region, owner === 'All' ? {} : {owner});
			const now = form.getState();
			if (now.region === region && now.owner === owner) form.setState({documents: {state: 'ready', value: documents}});
		} catch (error) {
			form.setState({documents: {state: 'error', error: messageOf(error)}});
		}
	}

	async function loadDocument(): Promise<void> {
		const {region, documentName, documentVersion} = form.getState();
		const current = (): boolean => {
			const now = form.getState();
			return now.region === region && now.documentName === documentName && now.documentVersion === documentVersion;
		};
		form.setState({definition: {state: 'loading'}});
		if (form.getState().versions.state !== 'ready') {
			form.setState({versions: {state: 'loading'}});
			port.listDocumentVersions(region, documentName).then(
				versions => {
					if (form.getState().documentName === documentName) form.setState({versions: {state: 'ready', value: versions}});
				},
				(error: unknown) => form.setState({versions: {state: 'error', error: messageOf(error)}}),
			);
		}
		try {
			const document = await port.getDocument(region, documentName, documentVersion || undefined);
			if (!current()) return;
			const parsed = parseRunbookParameters(document.content);
			if (!parsed.ok) form.setState({definition: {state: 'error', error: parsed.error}});
			else
				form.setState(
					withDefinition(form.getState(), {specs: parsed.value.parameters, ...(parsed.value.description ? {description: parsed.value.description} : {})}),
				);
		} catch (error) {
			if (current()) form.setState({definition: {state: 'error', error: messageOf(error)}});
		}
	}

	/** Re-run: the old run's tags, which GetAutomationExecution does not return. */
	async function loadRerunTags(): Promise<void> {
		const source = sourceDetail();
		if (!source || !port.listExecutionTags) return;
		form.setState({rerunTags: {state: 'loading'}});
		try {
			const tags = await port.listExecutionTags(source.region, source.id);
			form.setState(withRerunTags(form.getState(), {state: 'ready', value: tagsText(tags)}));
		} catch (error) {
			form.setState(withRerunTags(form.getState(), {state: 'error', error: messageOf(error)}));
		}
	}

	async function loadFile(path: string): Promise<void> {
		try {
			const parsed = parseTargetLocationsFile(await readFile(path, 'utf8'));
			if (!parsed.ok) {
				form.setState({fileMessage: {ok: false, text: `${path}: ${parsed.error}`}});
				return;
			}
			const now = form.getState();
			form.setState({
				settings: {...now.settings, locationsSource: 'form', targetLocations: parsed.value.map(locationDraft)},
				fileMessage: {ok: true, text: `Loaded ${parsed.value.length} location${parsed.value.length === 1 ? '' : 's'} from ${path}.`},
				locationsFile: '',
				dirty: true,
			});
		} catch (error) {
			const code = (error as {code?: string}).code;
			form.setState({fileMessage: {ok: false, text: code === 'ENOENT' ? `No file at ${path}.` : `Cannot read ${path}: ${messageOf(error)}`}});
		}
	}

	async function submit(request: Parameters<typeof port.startExecution>[0]): Promise<void> {
		try {
			const {executionId} = await port.startExecution(request);
			const actions = app.getState().actions;
			actions.modalClosed();
			// The new run is shown selected in the list, whichever screen the dialog was opened from.
			actions.screenOpened('list');
			actions.executionSelected(executionId);
			actions.flashShown(`Started ${request.documentName}: ${executionId}`);
		} catch (error) {
			const mismatch = error instanceof ActionError && error.exception === 'IdempotentParameterMismatch';
			form.setState({
				submitting: false,
				serviceError: messageOf(error),
				// The old token is spent on other values: a new one lets a deliberate second run through.
				...(mismatch ? {clientToken: newToken()} : {}),
			});
		}
	}

	function chooseScope(only: OnlyFailed | undefined): void {
		const source = sourceDetail();
		const prefill = source ? prefillFromExecution(source, only) : undefined;
		if (!prefill?.ok) {
			form.setState({serviceError: prefill && !prefill.ok ? prefill.error : 'The execution is no longer loaded.'});
			return;
		}
		const now = form.getState();
		const prefilled = prefilledStartForm({regions: now.regions, clientToken: now.clientToken}, prefill.value);
		form.setState(now.rerunTags ? withRerunTags(prefilled, now.rerunTags) : prefilled);
		void loadDocument();
	}

	function run(effect: StartEffect): void {
		switch (effect.kind) {
			case 'close':
				app.getState().actions.modalClosed();
				return;
			case 'loadDocuments':
				void loadDocuments();
				return;
			case 'loadDocument':
				void loadDocument();
				return;
			case 'loadFile':
				void loadFile(effect.path);
				return;
			case 'chooseScope':
				chooseScope(effect.onlyFailed);
				return;
			case 'submit':
				void submit(effect.request);
				return;
			case 'copy':
				// OSC 52: the terminal puts the text on the clipboard (works over SSH; tmux needs set-clipboard on).
				write(`\u001B]52;c;${Buffer.from(effect.text).toString('base64')}\u0007`);
				form.setState({copyNote: 'Copied the one-line command to the clipboard (if your terminal allows OSC 52).'});
				return;
		}
	}

	useEffect(() => {
		const initial = form.getState();
		if (initial.step === 'document') void loadDocuments();
		if (initial.step === 'parameters') void loadDocument();
		if (fromExecutionId !== undefined) void loadRerunTags();
		// Runs once: later loads are effects of keys.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);

	useModalInput((input, key) => {
		const transition = handleStartKey(form.getState(), input, key);
		form.setState(transition.state, true);
		for (const effect of transition.effects) run(effect);
	});

	const errors = allErrors(state);
	const fields = fieldsOf(state);
	// The shell keeps a header and footer around the dialog; the dialog's own chrome takes about ten lines.
	const noteLines = state.notes.length + (state.serviceError ? 2 : 0) + (state.step === 'parameters' ? 2 : state.step === 'review' ? 8 : 0);
	const maxLines = Math.max(4, viewport.rows - 16 - noteLines);
	const documentLines = Math.min(8, filteredDocuments(state).length) + 1;
	const red = tint(theme, 'red');
	const stepMessage = stepMessageKey(state.step);
	const stepError = stepMessage ? visibleError(state, errors, stepMessage) : undefined;

	return (
		<Box
			flexDirection="column"
			borderStyle={theme.ascii ? 'classic' : 'round'}
			// No side borders on the review: a mouse selection of the command then copies no border characters.
			borderLeft={state.step !== 'review'}
			borderRight={state.step !== 'review'}
			paddingX={state.step === 'review' ? 0 : 1}
		>
			<Text bold>
				{state.rerun || fromExecutionId ? `Re-run ${fromExecutionId ?? ''}` : 'Start a run'}
				<Text
					dimColor
				>{`  ${state.region}${state.documentName ? ` · ${state.documentName}${state.documentVersion ? ` (${state.documentVersion})` : ''}` : ''}`}</Text>
			</Text>
			{state.step === 'scope' ? (
				<Text>Re-run what?</Text>
			) : (
				<Text>
					{STEP_TITLES.map(([step, title], index) => (
						<Text key={step} bold={step === state.step} dimColor={step !== state.step}>
							{`${index > 0 ? ' › ' : ''}${index + 1} ${title}`}
						</Text>
					))}
				</Text>
			)}
			{state.notes.map(note => (
				<Text key={note} color={tint(theme, 'cyan')} wrap="wrap">
					{note}
				</Text>
			))}
			<StepBody state={state} />
			<FieldList
				fields={fields}
				focus={state.focus}
				cursor={state.cursor}
				errorOf={key => visibleError(state, errors, key)}
				{...(state.openChoice ? {openChoice: state.openChoice} : {})}
				maxLines={maxLines}
				width={viewport.columns - 4}
				renderSpecial={(field, focused) => <DocumentMatches state={state} field={field} focused={focused} />}
				specialLines={documentLines}
			/>
			{stepError ? <Text color={red}>{`✗ ${stepError}`}</Text> : null}
			{state.fileMessage && state.step === 'settings' ? <Text color={state.fileMessage.ok ? tint(theme, 'green') : red}>{state.fileMessage.text}</Text> : null}
			{state.serviceError ? (
				<Text color={red} wrap="wrap">
					{state.serviceError}
				</Text>
			) : null}
			{state.confirmingCancel ? (
				<Text bold color={tint(theme, 'yellow')}>{`Discard this form? ${startHint(state, theme.ascii)}`}</Text>
			) : (
				<Text dimColor>{startHint(state, theme.ascii)}</Text>
			)}
		</Box>
	);
}

function StepBody({state}: {readonly state: StartFormState}) {
	const theme = useTheme();
	if (state.step === 'parameters') {
		if (state.definition.state === 'loading' || state.definition.state === 'idle') return <Text dimColor>Reading the runbook…</Text>;
		if (state.definition.state === 'error')
			return (
				<Text color={tint(theme, 'red')} wrap="wrap">
					{state.definition.error}
				</Text>
			);
		const {description, specs} = state.definition.value;
		return (
			<Box flexDirection="column">
				{description ? (
					<Text dimColor wrap="truncate-end">
						{description.split('\n')[0]}
					</Text>
				) : null}
				{specs.length === 0 ? <Text dimColor>This runbook takes no parameters.</Text> : <Text dimColor>* required (no default)</Text>}
			</Box>
		);
	}
	if (state.step === 'review') {
		const specs = state.definition.state === 'ready' ? state.definition.value.specs : [];
		const built = buildStartRequest(
			{
				region: state.region,
				documentName: state.documentName,
				documentVersion: state.documentVersion,
				parameterTexts: state.parameterTexts,
				settings: state.settings,
			},
			specs,
			state.clientToken,
		);
		if (!built.ok) return <Text color={tint(theme, 'red')}>Something needs fixing first: {Object.values(built.errors)[0]}</Text>;
		return (
			<Box flexDirection="column">
				<Text>{`This is the request, as the equivalent AWS CLI command (${dialogHint('review', ['form.copy'], {'form.copy': 'copy it as one line'}, theme.ascii)}):`}</Text>
				<Text wrap="wrap">{renderCliCommand(built.request, {multiline: true})}</Text>
				<Text dimColor>The client token makes a repeated submit return the same run instead of starting another.</Text>
				{state.copyNote ? <Text color={tint(theme, 'green')}>{state.copyNote}</Text> : null}
			</Box>
		);
	}
	return null;
}

function DocumentMatches({state, field, focused}: {readonly state: StartFormState; readonly field: FieldDef; readonly focused: boolean}) {
	const theme = useTheme();
	if (state.documents.state === 'loading' || state.documents.state === 'idle') return <Text dimColor>{'  Listing runbooks…'}</Text>;
	if (state.documents.state === 'error') return <Text color={tint(theme, 'red')} wrap="wrap">{`  ${state.documents.error}`}</Text>;
	const matches = filteredDocuments(state);
	if (matches.length === 0) return <Text dimColor>{`  No runbook matches “${state.query}”.`}</Text>;
	const size = 8;
	const start = Math.min(Math.max(0, state.documentIndex - Math.floor(size / 2)), Math.max(0, matches.length - size));
	return (
		<Box flexDirection="column">
			<Text
				dimColor
			>{`  ${field.label}: ${matches.length}${focused ? '' : ` (${dialogKey('list.up', 'list', theme.ascii)}/${dialogKey('list.down', 'list', theme.ascii)} to pick)`}`}</Text>
			{matches.slice(start, start + size).map((document, offset) => {
				const selected = start + offset === state.documentIndex;
				return (
					<Text key={document.name} inverse={selected} wrap="truncate-end">
						{`  ${selected ? '›' : ' '} ${document.name}`}
						<Text dimColor>{document.owner ? `  ${document.owner}` : ''}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
