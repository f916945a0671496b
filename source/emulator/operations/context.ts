import type {Engine} from '../engine/engine.js';
import type {Catalogue} from '../runbooks/catalogue.js';
import type {CallerIdentity} from '../wire/request-context.js';

export interface OperationContext {
	readonly engine: Engine;
	readonly catalogue: Catalogue;
	readonly caller: CallerIdentity;
}

export type Json = Record<string, unknown>;

/** An operation takes the parsed JSON body and returns the output shape (or throws a ServiceError). */
export type Operation = (input: Json, context: OperationContext) => Json | Promise<Json>;
