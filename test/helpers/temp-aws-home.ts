/**
 * A temporary HOME whose ~/.aws holds the files a test writes, so the SDK's profile and
 * credential chain reads those and never the developer's own.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A file's text, or its lines (joined with newlines, and ending with one). */
export type AwsFileText = string | readonly string[];

export interface AwsFiles {
	/** ~/.aws/config */
	readonly config?: AwsFileText;
	/** ~/.aws/credentials */
	readonly credentials?: AwsFileText;
}

export interface AwsHome {
	readonly home: string;
	/** Removes the folder (and puts the environment back, where the home was entered). */
	readonly restore: () => void;
}

/**
 * The variables that would make the SDK look anywhere but the temporary HOME's files: keys,
 * profile, region, other file locations, container and web-identity credentials.
 */
const AWS_VARIABLES = [
	'AWS_ACCESS_KEY_ID',
	'AWS_SECRET_ACCESS_KEY',
	'AWS_SESSION_TOKEN',
	'AWS_PROFILE',
	'AWS_DEFAULT_PROFILE',
	'AWS_REGION',
	'AWS_DEFAULT_REGION',
	'AWS_CONFIG_FILE',
	'AWS_SHARED_CREDENTIALS_FILE',
	'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
	'AWS_CONTAINER_CREDENTIALS_FULL_URI',
	'AWS_WEB_IDENTITY_TOKEN_FILE',
];

function text(file: AwsFileText): string {
	return typeof file === 'string' ? file : [...file, ''].join('\n');
}

/** Makes the folder and writes the files; the environment is left alone (for code that takes an env). */
export function makeAwsHome(prefix: string, files: AwsFiles): AwsHome {
	const home = mkdtempSync(join(tmpdir(), prefix));
	mkdirSync(join(home, '.aws'));
	if (files.config !== undefined) writeFileSync(join(home, '.aws', 'config'), text(files.config));
	if (files.credentials !== undefined) writeFileSync(join(home, '.aws', 'credentials'), text(files.credentials));
	return {home, restore: () => rmSync(home, {recursive: true, force: true})};
}

/**
 * makeAwsHome, then points process.env at it: HOME set, every AWS_* variable above cleared, no
 * instance metadata. restore() puts every variable back as it was and removes the folder.
 */
export function enterAwsHome(prefix: string, files: AwsFiles): AwsHome {
	const made = makeAwsHome(prefix, files);
	const saved = {...process.env};
	for (const name of AWS_VARIABLES) delete process.env[name];
	process.env['HOME'] = made.home;
	process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
	return {
		home: made.home,
		restore() {
			// In place, so process.env stays the real environment object rather than a plain copy.
			for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
			Object.assign(process.env, saved);
			made.restore();
		},
	};
}
