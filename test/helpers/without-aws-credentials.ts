/**
 * Runs `body` with no AWS credentials the SDK could find (no key variables, no
 * profile, config files that do not exist, no instance metadata), then puts the
 * environment back as it was, whatever `body` did.
 */
export async function withoutAwsCredentials<T>(body: () => Promise<T>): Promise<T> {
	const saved = {...process.env};
	for (const name of [
		'AWS_ACCESS_KEY_ID',
		'AWS_SECRET_ACCESS_KEY',
		'AWS_SESSION_TOKEN',
		'AWS_PROFILE',
		'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
		'AWS_CONTAINER_CREDENTIALS_FULL_URI',
		'AWS_WEB_IDENTITY_TOKEN_FILE',
	]) {
		delete process.env[name];
	}

	process.env['AWS_CONFIG_FILE'] = '/nonexistent/ssmtop-test-config';
	process.env['AWS_SHARED_CREDENTIALS_FILE'] = '/nonexistent/ssmtop-test-credentials';
	process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
	try {
		return await body();
	} finally {
		process.env = saved;
	}
}
