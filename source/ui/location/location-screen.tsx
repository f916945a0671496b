/**
 * One location of a cross-account run: the child execution's steps in that
 * account and region. Reading them needs that account's credentials; without
 * them the screen says how to provide them instead of failing.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {shortId, statusSymbol} from '../../core/format.js';
import {canReadAccount, selectGridCursorCell, selectOpenExecution} from '../../store/selectors.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor} from '../theme.js';
import {bodyRows, detailSplit} from '../layout.js';
import {StepList} from '../detail/step-list.js';
import {FieldTable} from '../detail/field-table.js';
import {stepFieldRows} from '../detail/fields.js';

export function LocationScreen() {
	const theme = useTheme();
	const parent = useAppStore(selectOpenExecution);
	const cell = useAppStore(selectGridCursorCell);
	const context = useAppStore(state => state.context);
	const steps = useAppStore(state => (cell?.childExecutionId ? state.childSteps[cell.childExecutionId] : undefined));
	const error = useAppStore(state => (cell && parent ? state.childErrors[`${parent.id}/${cell.account}/${cell.region}`] : undefined));
	const selected = useAppStore(state => state.selectedStepIndex);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	// Listed in its member account (watched): Enter opens the child's own detail.
	const childListed = useAppStore(state => cell?.childExecutionId !== undefined && state.executions[cell.childExecutionId] !== undefined);
	if (!parent || !cell) return <Text>No location selected. Esc to go back.</Text>;
	const split = detailSplit(bodyRows(viewport, banner));
	const title = (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate-end">
				<Text bold>{`${cell.account} / ${cell.region}`}</Text>
				{'  '}
				<Text color={statusColor(theme, cell.status)} bold>{`${statusSymbol(cell.status, theme.ascii)} ${cell.status}`}</Text>
				{glyphs(theme, `  ${parent.documentName} · parent ${shortId(parent.id)}`)}
			</Text>
			<Text wrap="truncate-end" dimColor>
				{glyphs(
					theme,
					cell.childExecutionId
						? `child execution ${cell.childExecutionId} · parent step ${cell.stepName}${childListed ? ' · Enter: its detail' : ''}`
						: `parent step ${cell.stepName}`,
				)}
			</Text>
			<Text wrap="truncate-end" color={cell.failureMessage && theme.color ? 'red' : undefined}>
				{cell.failureMessage ?? ''}
			</Text>
		</Box>
	);
	let body;
	if (!canReadAccount({context}, cell.account)) {
		body = (
			<Text wrap="wrap">
				{`No credentials for account ${cell.account}, so its child execution cannot be read. Start ssmtop with --account-profile ${cell.account}=PROFILE (repeatable) to open it. The status above comes from the parent's own step.`}
			</Text>
		);
	} else if (error) {
		body = <Text color={theme.color ? 'red' : undefined} wrap="wrap">{`Could not read the child execution: ${error}`}</Text>;
	} else if (!cell.childExecutionId) {
		body = <Text dimColor>The child execution has not started yet.</Text>;
	} else if (!steps) {
		body = <Text dimColor>{glyphs(theme, "Loading the child execution's steps…")}</Text>;
	} else {
		const step = steps[selected];
		body = (
			<>
				<StepList steps={steps} selected={selected} height={split.steps} width={viewport.columns} focused />
				<Text bold wrap="truncate-end">
					{step ? `Step ${selected + 1}/${steps.length} ${step.stepName}` : ''}
				</Text>
				<FieldTable
					rows={step ? stepFieldRows(step) : []}
					width={viewport.columns}
					height={split.details - 1}
					empty="This step has no inputs, outputs or failure details."
				/>
			</>
		);
	}

	return (
		<Box flexDirection="column">
			{title}
			{body}
		</Box>
	);
}
