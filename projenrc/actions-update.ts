import { Component } from 'projen';
import { NodeProject } from 'projen/lib/javascript';

/**
 * `npx projen actions:update`: refreshes the pins every workflow and the team
 * repos' Dockerfile use (scripts/actions-update.ts), where a maintainer runs it
 * (it needs GitHub's and Docker Hub's APIs). Team repos get the new pins through
 * a template release; Dependabot must not edit synthesized files.
 */
export class ActionsUpdate extends Component {
  constructor(project: NodeProject) {
    super(project);
    project.addTask('actions:update', {
      description: 'Move the action pins and the base image digest to the newest release of each tracked major, and vendor their action.yml',
      exec: 'ts-node --project tsconfig.dev.json scripts/actions-update.ts',
    });
  }
}
