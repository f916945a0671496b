import {Prng} from '../prng.js';
import type {WireTarget} from '../model.js';

interface Instance {
	readonly id: string;
	readonly tags: Readonly<Record<string, string>>;
	readonly resourceGroup: string;
}

const environments = ['prod', 'prod', 'prod', 'prod', 'staging', 'staging', 'staging', 'dev', 'dev', 'dev', 'dev', 'dev'];
const roles = ['web', 'db', 'batch'];

/** Every (account, region) has the same-shaped fake fleet of 12 instances, with ids derived from the location. */
export function fleetFor(account: string, region: string): Instance[] {
	const prng = new Prng(`fleet/${account}/${region}`);
	return environments.map((environment, index) => {
		const role = roles[index % roles.length]!;
		return {
			id: `i-0${prng.hex(16)}`,
			tags: {Environment: environment, Role: role, Name: `${role}-${environment}-${index + 1}`},
			resourceGroup: `${role}-fleet`,
		};
	});
}

/**
 * Resolves Targets to parameter values: ParameterValues are taken as given; tag:<key>,
 * ResourceGroup and AWS::EC2::Instance (`*`) select from the location's fake fleet.
 * Several targets add up (union, first-seen order).
 */
export function resolveTargets(targets: readonly WireTarget[], account: string, region: string): string[] {
	const values: string[] = [];
	const fleet = () => fleetFor(account, region);
	for (const target of targets) {
		if (target.Key === 'ParameterValues') {
			values.push(...target.Values);
		} else if (target.Key.startsWith('tag:')) {
			const tag = target.Key.slice(4);
			values.push(
				...fleet()
					.filter(instance => target.Values.includes(instance.tags[tag] ?? '\u0000'))
					.map(instance => instance.id),
			);
		} else if (target.Key === 'ResourceGroup') {
			values.push(
				...fleet()
					.filter(instance => target.Values.includes(instance.resourceGroup))
					.map(instance => instance.id),
			);
		} else if (target.Key === 'AWS::EC2::Instance' || target.Key === 'InstanceIds') {
			values.push(...(target.Values.includes('*') ? fleet().map(instance => instance.id) : target.Values));
		}
	}

	return [...new Set(values)];
}
