import { TaskLaunchProps } from '../task-launch-props';

/** Every `TaskLaunchProps` field: what a job passes on to each of its schedules unchanged. */
export const TASK_LAUNCH_PROPS: ReadonlyArray<keyof TaskLaunchProps> = [
  'clusterArn', 'subnetIds', 'securityGroupIds', 'assignPublicIp', 'launchType',
  'capacityProviderStrategy', 'platformVersion', 'propagateTags', 'enableEcsManagedTags',
];

/** The launch props out of a larger props object, and nothing else. */
export function taskLaunchOf(props: TaskLaunchProps): TaskLaunchProps {
  return Object.fromEntries(TASK_LAUNCH_PROPS.map((k) => [k, props[k]])) as unknown as TaskLaunchProps;
}
