/**
 * Whether this machine is set up for AWS at all. ssmtop's promise is that a newcomer
 * sees a moving fleet with one command: when nothing points at AWS (no flag, no
 * credential or profile variable, no shared config or credentials file), the CLI
 * runs against the embedded emulator instead of failing on missing credentials.
 * As soon as anything AWS-ish is configured, AWS is used and problems are reported.
 */
import {existsSync} from 'node:fs';
import {sharedConfigFiles} from './profiles.js';

const AWS_VARIABLES = [
	'AWS_PROFILE',
	'AWS_DEFAULT_PROFILE',
	'AWS_ACCESS_KEY_ID',
	'AWS_SESSION_TOKEN',
	'AWS_WEB_IDENTITY_TOKEN_FILE',
	'AWS_ROLE_ARN',
	'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
	'AWS_CONTAINER_CREDENTIALS_FULL_URI',
	'AWS_ENDPOINT_URL',
	'AWS_ENDPOINT_URL_SSM',
] as const;

/** The first reason to believe AWS is configured, or undefined when nothing is. */
export function awsConfiguration(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
	const variable = AWS_VARIABLES.find(name => (env[name] ?? '') !== '');
	if (variable) return `${variable} is set`;
	const files = sharedConfigFiles(env);
	if (exists(files.config)) return `${files.config} exists`;
	if (exists(files.credentials)) return `${files.credentials} exists`;
	return undefined;
}
