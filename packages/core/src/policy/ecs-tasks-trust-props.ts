/** The account whose ECS tasks may assume the role. */
export interface EcsTasksTrustProps {
  /** The 12-digit account that runs the tasks (`aws:SourceAccount`). May be a token. */
  readonly accountId: string;
}
