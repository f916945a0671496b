import {Checker} from '../wire/checker.js';
import {executionIdRule} from '../wire/shapes.js';
import type {Operation} from './context.js';
import {parameterMap} from './start-automation-execution.js';

export const stopAutomationExecution: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const id = check.string(input['AutomationExecutionId'], 'AutomationExecutionId', executionIdRule)!;
	const type = (check.string(input['Type'], 'Type', {enum: ['Complete', 'Cancel']}) ?? 'Cancel') as 'Complete' | 'Cancel';
	check.finish();
	engine.stop(engine.find(caller.account, caller.region, id), type);
	return {};
};

export const sendAutomationSignal: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const id = check.string(input['AutomationExecutionId'], 'AutomationExecutionId', executionIdRule)!;
	const signalType = check.string(input['SignalType'], 'SignalType', {
		required: true,
		enum: ['Approve', 'Reject', 'StartStep', 'StopStep', 'Resume', 'Revoke'],
	})!;
	const payload = parameterMap(check, input['Payload'], 'Payload') ?? {};
	check.finish();
	engine.signal(engine.find(caller.account, caller.region, id), signalType, payload, caller.principal);
	return {};
};
