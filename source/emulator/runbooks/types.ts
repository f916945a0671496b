/** Runbook (schemaVersion 0.3) as the emulator holds it; GetDocument renders it as JSON or YAML. */
export type ParameterType = 'String' | 'StringList' | 'Integer' | 'Boolean' | 'MapList' | 'StringMap';

export interface RunbookParameter {
	readonly type: ParameterType;
	readonly description?: string;
	readonly default?: string | number | boolean | readonly string[] | Readonly<Record<string, unknown>> | ReadonlyArray<Readonly<Record<string, unknown>>>;
	readonly allowedValues?: readonly string[];
	readonly allowedPattern?: string;
	readonly minItems?: number;
	readonly maxItems?: number;
	readonly maxChars?: number;
	readonly displayType?: 'textfield' | 'textarea';
}

export interface RunbookStep {
	readonly name: string;
	readonly action: string;
	readonly inputs: Readonly<Record<string, unknown>>;
	readonly description?: string;
	readonly onFailure?: string;
	readonly onCancel?: string;
	readonly isCritical?: boolean;
	readonly isEnd?: boolean;
	readonly nextStep?: string;
	readonly maxAttempts?: number;
	readonly timeoutSeconds?: number;
	readonly outputs?: ReadonlyArray<{readonly Name: string; readonly Selector: string; readonly Type: string}>;
}

export interface Runbook {
	readonly name: string;
	/** 'Amazon' for AWS-owned runbooks; otherwise the owning account id. */
	readonly owner: string;
	readonly documentType: 'Automation' | 'Command';
	readonly description: string;
	readonly displayName?: string;
	readonly assumeRole?: string;
	readonly parameters: Readonly<Record<string, RunbookParameter>>;
	readonly mainSteps: readonly RunbookStep[];
	readonly outputs?: readonly string[];
	readonly platformTypes: ReadonlyArray<'Windows' | 'Linux' | 'MacOS'>;
	readonly targetType?: string;
	readonly tags?: ReadonlyArray<{readonly Key: string; readonly Value: string}>;
	readonly versionName?: string;
	/** Number of versions (1..n); all share the same content. */
	readonly versions: number;
	readonly defaultVersion: number;
	/** Days before the clock's start at which version 1 was created. */
	readonly createdDaysAgo: number;
	readonly author?: string;
}
