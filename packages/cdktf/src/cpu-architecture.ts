/**
 * The CPU architecture of a Fargate task.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#runtime-platform
 */
export enum CpuArchitecture {
  /** Intel/AMD 64-bit. */
  X86_64 = 'X86_64',
  /** Graviton. The image must be built for linux/arm64. */
  ARM64 = 'ARM64',
}
