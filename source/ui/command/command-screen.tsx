/**
 * The Run Command output of an aws:runCommand step (Enter on the step in the detail): one line
 * per instance (status, response code, how long it ran), and below them the tail of the output
 * of the instance under the cursor, standard error after standard output. Output is AWS data:
 * it is drawn through ../text.js, so control characters show instead of acting. A refresh that
 * failed is said in place, above the last good data.
 */
import {useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {isInvocationFinal, outputTail, type CommandInvocation} from '../../core/command-output.js';
import {elapsed, fit, relativeTime, statusSymbol, truncate} from '../../core/format.js';
import {selectOpenCommand} from '../../store/command-actions.js';
import type {CommandState} from '../../store/state.js';
import {selectOpenDetail, selectOpenExecution} from '../../store/selectors.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor, tint} from '../theme.js';
import {bodyRows, scrollOffset} from '../layout.js';
import {ExecutionSummary} from '../detail/execution-summary.js';
import {formatZonedTimestamp} from '../../core/time-zone.js';
import {useZone} from '../zone-context.js';

const NOT_READ: CommandState = {outputs: {}};
const INSTANCE_WIDTH = 20;
const STATUS_WIDTH = 13;
const CODE_WIDTH = 6;
const TOOK_WIDTH = 8;

function invocationLine(invocation: CommandInvocation, now: number, ascii: boolean): {status: string; rest: string} {
	const code = invocation.responseCode === undefined || !isInvocationFinal(invocation.status) ? '-' : String(invocation.responseCode);
	const took = elapsed(invocation.requestedAt, invocation.endTime ?? (isInvocationFinal(invocation.status) ? invocation.requestedAt : undefined), now);
	return {
		status: fit(`${statusSymbol(invocation.status, ascii)} ${invocation.status}`, STATUS_WIDTH, {ascii}),
		rest: ` ${fit(code, CODE_WIDTH, {ascii, alignRight: true})} ${fit(took, TOOK_WIDTH, {ascii, alignRight: true})}  ${invocation.instanceName ?? ''}`,
	};
}

export function CommandScreen({now}: {readonly now: number}) {
	const theme = useTheme();
	const zone = useZone();
	const execution = useAppStore(selectOpenExecution);
	const detail = useAppStore(selectOpenDetail);
	const open = useAppStore(state => state.openCommand);
	// Two selectors of stable values (selectOpenCommand itself makes a new object each call).
	const commandState = useAppStore(state => (state.openCommand ? state.commands[state.openCommand.commandId] : undefined));
	const instanceId = useAppStore(state => selectOpenCommand(state)?.instanceId);
	const cursor = useAppStore(state => state.selectedInstanceIndex ?? 0);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	const offset = useRef(0);
	if (!execution || !open) return <Text>This step is no longer open. Esc to go back.</Text>;
	const command = commandState ?? NOT_READ;
	const width = viewport.columns;
	const body = bodyRows(viewport, banner);
	const step = detail?.steps.find(candidate => candidate.stepName === open.stepName);
	const invocations = command.invocations ?? [];
	const index = Math.min(cursor, Math.max(0, invocations.length - 1));
	// Summary 3, title 1, error 0-1, heading 1; the instances take up to a third of what is left.
	const errorLines = command.error ? 1 : 0;
	const rest = Math.max(4, body - 5 - errorLines);
	const instanceRows = Math.max(1, Math.min(invocations.length || 1, Math.floor(rest / 3)));
	offset.current = scrollOffset(offset.current, index, instanceRows, invocations.length);
	const requestedAt = invocations.find(invocation => invocation.instanceId === instanceId)?.requestedAt;
	const outputState = instanceId === undefined ? undefined : command.outputs[instanceId];
	const output = outputState?.output;
	const outputRows = Math.max(1, rest - instanceRows - 1 - (outputState?.error ? 1 : 0));
	const stdout = outputTail(output?.stdout ?? '', outputRows);
	const stderr = outputTail(output?.stderr ?? '', Math.max(0, outputRows - stdout.lines.length - (output?.stderr ? 1 : 0)));
	const heading = `${fit('INSTANCE', INSTANCE_WIDTH, {ascii: theme.ascii})} ${fit('STATUS', STATUS_WIDTH, {ascii: theme.ascii})} ${fit('CODE', CODE_WIDTH, {ascii: theme.ascii, alignRight: true})} ${fit('TOOK', TOOK_WIDTH, {ascii: theme.ascii, alignRight: true})}  NAME`;
	const stepTitle = `Run Command · step ${open.stepName}${step ? ` (${step.status})` : ''} · command ${open.commandId}`;
	return (
		<Box flexDirection="column">
			<ExecutionSummary execution={detail ?? execution} />
			<Text bold wrap="truncate-end">
				{truncate(glyphs(theme, stepTitle), width, theme.ascii)}
				<Text dimColor>{command.loadedAt === undefined ? '' : `  read ${relativeTime(command.loadedAt, now)}`}</Text>
			</Text>
			{command.error ? (
				<Text wrap="truncate-end" color={tint(theme, 'red')}>
					{glyphs(theme, `✗ ${command.error}${command.invocations ? ' (showing the last data read)' : ''}`)}
				</Text>
			) : null}
			<Text bold underline wrap="truncate-end">
				{heading}
			</Text>
			{command.invocations === undefined ? (
				<Text dimColor>{command.error ? 'No invocations read yet.' : glyphs(theme, 'Loading invocations…')}</Text>
			) : invocations.length === 0 ? (
				<Text dimColor>The command has not reached any instance yet.</Text>
			) : (
				invocations.slice(offset.current, offset.current + instanceRows).map((invocation, row) => {
					const position = offset.current + row;
					const line = invocationLine(invocation, now, theme.ascii);
					return (
						<Text key={invocation.instanceId} wrap="truncate-end" inverse={position === index} bold={position === index}>
							{`${fit(invocation.instanceId, INSTANCE_WIDTH, {ascii: theme.ascii})} `}
							<Text color={statusColor(theme, invocation.status)}>{line.status}</Text>
							{line.rest}
						</Text>
					);
				})
			)}
			{invocations.length > instanceRows ? <Text dimColor>{glyphs(theme, `… ${invocations.length} instances (↑/↓)`)}</Text> : null}
			{instanceId === undefined ? null : (
				<>
					<Text bold wrap="truncate-end">
						{`Output of ${instanceId}`}
						<Text dimColor>
							{output
								? `  ${output.status}${output.responseCode === undefined || !isInvocationFinal(output.status) ? '' : `, exit ${output.responseCode}`}${stdout.hidden > 0 ? ` · last ${stdout.lines.length} lines of ${stdout.lines.length + stdout.hidden}` : ''}`
								: ''}
							{requestedAt === undefined ? '' : ` · requested ${formatZonedTimestamp(requestedAt, zone)}`}
						</Text>
					</Text>
					{outputState?.error ? (
						<Text wrap="truncate-end" color={tint(theme, 'red')}>
							{glyphs(theme, `✗ ${outputState.error}${output ? ' (showing the last output read)' : ''}`)}
						</Text>
					) : null}
					{output === undefined ? (
						outputState?.error ? null : (
							<Text dimColor>{glyphs(theme, 'Loading output…')}</Text>
						)
					) : stdout.lines.length === 0 && stderr.lines.length === 0 ? (
						<Text dimColor>No output.</Text>
					) : (
						<>
							{stdout.lines.map((line, row) => (
								<Text key={`out/${row}`} wrap="truncate-end">
									{line}
								</Text>
							))}
							{output.stderr ? (
								<Text bold wrap="truncate-end" color={tint(theme, 'red')}>
									{stderr.hidden > 0 ? `stderr (last ${stderr.lines.length} lines):` : 'stderr:'}
								</Text>
							) : null}
							{stderr.lines.map((line, row) => (
								<Text key={`err/${row}`} wrap="truncate-end" color={tint(theme, 'red')}>
									{line}
								</Text>
							))}
						</>
					)}
				</>
			)}
		</Box>
	);
}
