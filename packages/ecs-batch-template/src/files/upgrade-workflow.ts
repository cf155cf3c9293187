import { github, javascript, Project } from 'projen';

/**
 * How a team repo gets template releases (and with them new action pins and a
 * new base image): projen's own upgrade workflow, weekly, as a pull request
 * that upgrades the dependencies and re-synthesizes every generated file.
 * Dependabot must not edit generated files: `npx projen` would undo its edit.
 *
 * projen's workflow already splits the work by rights: the `upgrade` job reads
 * the repo and uploads a patch; the `pr` job alone may write, and opens the pull
 * request with the `PROJEN_GITHUB_TOKEN` secret, so that the pull request's own
 * checks run (GitHub does not start workflows for pushes made with GITHUB_TOKEN).
 */
export class UpgradeWorkflow {
  /** The projen options that turn it on. */
  public static options(): javascript.UpgradeDependenciesOptions {
    return {
      workflowOptions: {
        schedule: javascript.UpgradeDependenciesSchedule.WEEKLY,
        projenCredentials: github.GithubCredentials.fromPersonalAccessToken({ secret: 'PROJEN_GITHUB_TOKEN' }),
        labels: ['dependencies'],
      },
    };
  }

  /**
   * Least rights on top of projen's workflow: read-only by default (its jobs ask for
   * `contents: read`; projen drops an empty `permissions: {}` override), and no token
   * left in the checkout where `npm ci` runs dependencies' scripts.
   */
  public static harden(project: Project): void {
    const file = github.GitHub.of(project)?.tryFindWorkflow('upgrade')?.file;
    if (!file) throw new Error('the upgrade workflow is missing: depsUpgrade must be on');
    file.addOverride('permissions', { contents: 'read' });
    for (const job of ['upgrade', 'pr']) file.addOverride(`jobs.${job}.steps.0.with.persist-credentials`, false);
  }
}
