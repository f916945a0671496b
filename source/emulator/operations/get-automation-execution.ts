import {executionDetail} from '../serialize.js';
import {Checker} from '../wire/checker.js';
import {executionIdRule} from '../wire/shapes.js';
import type {Operation} from './context.js';

export const getAutomationExecution: Operation = (input, {engine, caller}) => {
	const check = new Checker();
	const id = check.string(input['AutomationExecutionId'], 'AutomationExecutionId', executionIdRule)!;
	check.finish();
	return {AutomationExecution: executionDetail(engine.find(caller.account, caller.region, id))};
};
