/**
 * Execution detail. Pane "steps": the step list and, below it, the selected
 * step's failure details, inputs and outputs. Pane "info" (Tab): parameters,
 * outputs, targets, locations and tags of the execution.
 */
import {useEffect, useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {isProblem} from '../../core/status.js';
import {selectOpenDetail, selectOpenExecution} from '../../store/selectors.js';
import {useAppStore, useAppStoreApi} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';
import {bodyRows, detailSplit} from '../layout.js';
import {ExecutionSummary} from './execution-summary.js';
import {StepList} from './step-list.js';
import {FieldTable} from './field-table.js';
import {InfoTable} from './info-table.js';
import {executionFieldRows, stepFieldRows} from './fields.js';
import {ConsoleLinkLine, consoleLinkLines} from './console-link-line.js';
import {commandIdOfStep} from '../../core/command-output.js';
import {isRateControlParent} from '../../store/children-actions.js';
import {parentFieldValue, selectParentText} from '../../store/parent-link.js';
import {formatKey, KEYMAP} from '../keymap.js';

/** The key that opens the parent, as the keymap binds it ("u"). */
const PARENT_KEY = formatKey(KEYMAP.find(binding => binding.command === 'parent.open')!.keys[0]!);

/**
 * "Which step failed and why?" is the first question: when an execution's steps
 * first arrive and the user has not moved yet, select its first failed step.
 */
function usePickFailedStep(): void {
	const store = useAppStoreApi();
	const detail = useAppStore(selectOpenDetail);
	const picked = useRef<string | undefined>(undefined);
	useEffect(() => {
		if (!detail || picked.current === detail.id) return;
		picked.current = detail.id;
		const state = store.getState();
		const failed = detail.steps.findIndex(step => isProblem(step.status));
		if (state.selectedStepIndex === 0 && failed > 0) state.actions.stepSelected({to: failed});
	}, [detail, store]);
}

export function DetailScreen() {
	const theme = useTheme();
	const execution = useAppStore(selectOpenExecution);
	const detail = useAppStore(selectOpenDetail);
	const pane = useAppStore(state => state.detailPane);
	const selectedStep = useAppStore(state => state.selectedStepIndex);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	// A child (of a cross-account run, in a member account, or of a rate-control run) names its parent and its account.
	const parentText = useAppStore(selectParentText);
	const parentValue = useAppStore(state => (detail?.parentId === undefined ? undefined : parentFieldValue(state, detail.parentId)));
	usePickFailedStep();
	if (!execution) return <Text>This execution is no longer listed. Esc to go back.</Text>;
	const body = bodyRows(viewport, banner);
	const split = detailSplit(body);
	const crossAccount = execution.automationType === 'CrossAccount';
	const enterHint = crossAccount
		? 'Enter: account × region grid'
		: commandIdOfStep(detail?.steps[selectedStep])
			? 'Enter: Run Command output'
			: isRateControlParent(execution)
				? 'Enter: target children'
				: undefined;
	const hint = [parentText === undefined ? undefined : `${parentText} · ${PARENT_KEY}: open it`, enterHint].filter(Boolean).join(' · ') || undefined;
	const width = viewport.columns;
	if (!detail) {
		return (
			<Box flexDirection="column">
				<ExecutionSummary execution={execution} {...(hint ? {hint} : {})} />
				<Text dimColor>{glyphs(theme, 'Loading steps…')}</Text>
			</Box>
		);
	}

	const step = detail.steps[selectedStep];
	return (
		<Box flexDirection="column">
			<ExecutionSummary execution={detail} {...(hint ? {hint} : {})} />
			{pane === 'steps' ? (
				<>
					<StepList steps={detail.steps} selected={selectedStep} height={split.steps} width={width} focused />
					<Text bold wrap="truncate-end">
						{step ? `Step ${selectedStep + 1}/${detail.steps.length} ${step.stepName}` : ''}
						<Text dimColor>{'  (Tab: parameters and outputs)'}</Text>
					</Text>
					<FieldTable
						rows={step ? stepFieldRows(step) : []}
						width={width}
						height={split.details - 1}
						empty="This step has no inputs, outputs or failure details."
					/>
				</>
			) : (
				<>
					<Text bold wrap="truncate-end">
						{'Parameters, outputs, targets'}
						<Text dimColor>{'  (Tab: steps)'}</Text>
					</Text>
					<ConsoleLinkLine execution={detail} />
					<InfoTable
						rows={executionFieldRows(detail, parentValue)}
						width={width}
						height={body - 4 - consoleLinkLines(detail, width, theme.hyperlinks === true)}
						empty="No parameters or outputs."
					/>
				</>
			)}
		</Box>
	);
}
