/**
 * The AWS CLI and boto3 as the fidelity tests run them: Debian's own binaries by absolute path (a
 * pyenv shim or an old v1 `aws` earlier on PATH may lack awscli/boto3), in an environment that
 * reads no file of this machine's AWS configuration.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {promisify} from 'node:util';

export const run = promisify(execFile);
export const awsCli = '/usr/bin/aws';
export const python = '/usr/bin/python3';
export const hasAws = existsSync(awsCli);

/** Whether Debian's python3 imports boto3 (python3-boto3). */
export async function hasBoto3(): Promise<boolean> {
	if (!existsSync(python)) return false;
	return run(python, ['-c', 'import boto3']).then(
		() => true,
		() => false,
	);
}

export interface CliEnvironmentOptions {
	/** The caller's keys (default: the emulator's home account). */
	readonly keys?: {readonly accessKeyId: string; readonly secretAccessKey: string};
	/** AWS_ENDPOINT_URL_SSM, for clients told no --endpoint-url. */
	readonly ssmEndpoint?: string;
}

export function cliEnvironment(options: CliEnvironmentOptions = {}): NodeJS.ProcessEnv {
	return {
		PATH: '/usr/bin:/bin',
		HOME: process.env['HOME'] ?? '/tmp',
		AWS_ACCESS_KEY_ID: options.keys?.accessKeyId ?? 'AKIAEXAMPLEHOME',
		AWS_SECRET_ACCESS_KEY: options.keys?.secretAccessKey ?? 'not-a-secret',
		AWS_DEFAULT_REGION: 'us-east-1',
		AWS_EC2_METADATA_DISABLED: 'true',
		AWS_PAGER: '',
		AWS_CONFIG_FILE: '/dev/null',
		AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
		...(options.ssmEndpoint ? {AWS_ENDPOINT_URL_SSM: options.ssmEndpoint} : {}),
	};
}
