/**
 * The profile names of the shared config and credentials files, and `--profile a,b,'prod-*'`
 * patterns matched against them. IAM Identity Center profiles (`sso_session`, or the legacy
 * `sso_start_url`) are profiles like any other here; `[sso-session …]` and `[services …]` sections
 * are not profiles.
 */
import {readFileSync} from 'node:fs';
import {sharedConfigFiles} from '../profiles.js';

function sectionNames(path: string): string[] {
	try {
		return [...readFileSync(path, 'utf8').matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)].map(match => match[1]!);
	} catch {
		return [];
	}
}

/** Every profile the two files define, in the order they first appear, without repeats. */
export function profileNames(env: NodeJS.ProcessEnv = process.env): string[] {
	const files = sharedConfigFiles(env);
	const fromConfig = sectionNames(files.config).flatMap(section => {
		if (section === 'default') return ['default'];
		const profile = /^profile\s+(.+)$/.exec(section)?.[1];
		if (profile) return [profile.trim()];
		// `[sso-session x]` and `[services x]` configure other things; any other bare name is a profile (old style).
		return /^(sso-session|services)\s/.test(section) ? [] : [section];
	});
	return [...new Set([...fromConfig, ...sectionNames(files.credentials)])];
}

/** A shell-style pattern (`*`, `?`) as a whole-name regular expression. */
function patternRegex(pattern: string): RegExp {
	const source = pattern
		.replaceAll(/[.+^${}()|[\]\\]/g, '\\$&')
		.replaceAll('*', '.*')
		.replaceAll('?', '.');
	return new RegExp(`^${source}$`);
}

export interface ProfileMatch {
	/** The profiles the patterns name, in the order of the patterns, without repeats. */
	readonly profiles: readonly string[];
	/** Patterns that matched no profile (a plain name always names itself: the SDK may still know it). */
	readonly unmatched: readonly string[];
}

/** Expands `--profile` patterns: names stand for themselves, globs for every profile they match. */
export function matchProfiles(patterns: readonly string[], names: readonly string[]): ProfileMatch {
	const profiles: string[] = [];
	const unmatched: string[] = [];
	for (const pattern of patterns) {
		if (!/[*?]/.test(pattern)) {
			if (!profiles.includes(pattern)) profiles.push(pattern);
			continue;
		}
		const regex = patternRegex(pattern);
		const found = names.filter(name => regex.test(name));
		if (found.length === 0) unmatched.push(pattern);
		for (const name of found) if (!profiles.includes(name)) profiles.push(name);
	}
	return {profiles, unmatched};
}
