import type {Runbook} from './types.js';

// A few of the AWS-owned runbooks every account sees, with their real parameter shapes.
const assumeRole = {
	type: 'String',
	description:
		'(Optional) The ARN of the role that allows Automation to perform the actions on your behalf. If no role is specified, Systems Manager Automation uses your IAM permissions to run this runbook.',
	default: '',
	allowedPattern: '^$|^arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]+$',
} as const;

const instanceIds = {
	type: 'StringList',
	description: '(Required) EC2 Instance(s) to act on.',
	allowedPattern: '^i-[a-z0-9]{8,17}$',
} as const;

export const awsRunbooks: readonly Runbook[] = [
	{
		name: 'AWS-RestartEC2Instance',
		owner: 'Amazon',
		documentType: 'Automation',
		description: 'Restart EC2 instances',
		assumeRole: '{{ AutomationAssumeRole }}',
		parameters: {InstanceId: instanceIds, AutomationAssumeRole: assumeRole},
		mainSteps: [
			{name: 'stopInstances', action: 'aws:changeInstanceState', inputs: {InstanceIds: '{{ InstanceId }}', DesiredState: 'stopped'}},
			{name: 'startInstances', action: 'aws:changeInstanceState', inputs: {InstanceIds: '{{ InstanceId }}', DesiredState: 'running'}},
		],
		platformTypes: ['Windows', 'Linux', 'MacOS'],
		targetType: '/AWS::EC2::Instance',
		versions: 2,
		defaultVersion: 2,
		createdDaysAgo: 900,
	},
	{
		name: 'AWS-StopEC2Instance',
		owner: 'Amazon',
		documentType: 'Automation',
		description: 'Stop EC2 instances',
		assumeRole: '{{ AutomationAssumeRole }}',
		parameters: {InstanceId: instanceIds, AutomationAssumeRole: assumeRole},
		mainSteps: [{name: 'stopInstances', action: 'aws:changeInstanceState', inputs: {InstanceIds: '{{ InstanceId }}', DesiredState: 'stopped'}}],
		platformTypes: ['Windows', 'Linux', 'MacOS'],
		targetType: '/AWS::EC2::Instance',
		versions: 1,
		defaultVersion: 1,
		createdDaysAgo: 900,
	},
	{
		name: 'AWS-StartEC2Instance',
		owner: 'Amazon',
		documentType: 'Automation',
		description: 'Start EC2 instances',
		assumeRole: '{{ AutomationAssumeRole }}',
		parameters: {InstanceId: instanceIds, AutomationAssumeRole: assumeRole},
		mainSteps: [{name: 'startInstances', action: 'aws:changeInstanceState', inputs: {InstanceIds: '{{ InstanceId }}', DesiredState: 'running'}}],
		platformTypes: ['Windows', 'Linux', 'MacOS'],
		targetType: '/AWS::EC2::Instance',
		versions: 1,
		defaultVersion: 1,
		createdDaysAgo: 900,
	},
	{
		name: 'AWS-CreateImage',
		owner: 'Amazon',
		documentType: 'Automation',
		description: 'Create a new AMI from an EC2 instance',
		assumeRole: '{{ AutomationAssumeRole }}',
		parameters: {
			InstanceId: {type: 'String', description: '(Required) The ID of the Amazon EC2 instance.', allowedPattern: '^i-[a-z0-9]{8,17}$'},
			NoReboot: {type: 'Boolean', description: '(Optional) Do not reboot the instance before creating the image.', default: false},
			AutomationAssumeRole: assumeRole,
		},
		mainSteps: [
			{
				name: 'createImage',
				action: 'aws:createImage',
				inputs: {InstanceId: '{{ InstanceId }}', ImageName: '{{ InstanceId }}_{{ automation:EXECUTION_ID }}', NoReboot: '{{ NoReboot }}'},
				outputs: [{Name: 'ImageId', Selector: '$.ImageId', Type: 'String'}],
			},
		],
		outputs: ['createImage.ImageId'],
		platformTypes: ['Windows', 'Linux', 'MacOS'],
		targetType: '/AWS::EC2::Instance',
		versions: 1,
		defaultVersion: 1,
		createdDaysAgo: 900,
	},
	{
		name: 'AWS-RunShellScript',
		owner: 'Amazon',
		documentType: 'Command',
		description: 'Run a shell script or specify the commands to run.',
		parameters: {commands: {type: 'StringList', description: '(Required) Specify a shell script or a command to run.'}},
		mainSteps: [{name: 'runShellScript', action: 'aws:runShellScript', inputs: {runCommand: '{{ commands }}'}}],
		platformTypes: ['Linux', 'MacOS'],
		versions: 1,
		defaultVersion: 1,
		createdDaysAgo: 900,
	},
];
