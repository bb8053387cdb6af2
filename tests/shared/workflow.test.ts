import { describe, expect, it } from 'vitest';
import { articleStatuses } from '../../shared/model/article';
import { DEFAULT_POLICY, may, type Role } from '../../shared/review/people';
import { nextStatuses, transitionOf, transitions, workflowPath } from '../../shared/review/workflow';

const as = (role: Role) => (permission: Parameters<typeof may>[2]) => may(DEFAULT_POLICY, { role }, permission);

describe('the workflow', () => {
  it('runs draft → submitted → in review → changes requested → submitted → approved → published', () => {
    const path = ['draft', 'submitted', 'review', 'changes_requested', 'submitted', 'approved', 'published'] as const;
    for (let i = 1; i < path.length; i++) expect(transitionOf(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toBeDefined();
  });

  it('never publishes what was not approved, and never skips review', () => {
    for (const from of ['draft', 'submitted', 'review', 'changes_requested', 'spiked'] as const) expect(transitionOf(from, 'published')).toBeUndefined();
    expect(transitionOf('draft', 'approved')).toBeUndefined();
    expect(transitionOf('draft', 'review')).toBeUndefined();
  });

  it('names what each move needs: a reporter hands in, editors approve and publish, spiking needs the right', () => {
    expect(transitionOf('draft', 'submitted')?.needs).toBeNull();
    expect(transitionOf('submitted', 'approved')?.needs).toBe('approve');
    expect(transitionOf('review', 'changes_requested')?.needs).toBe('approve');
    expect(transitionOf('approved', 'published')?.needs).toBe('publish');
    expect(transitionOf('published', 'approved')?.needs).toBe('publish');
    expect(transitionOf('published', 'archived')?.needs).toBe('publish');
    expect(transitionOf('draft', 'spiked')?.needs).toBe('spike');
    expect(transitionOf('published', 'spiked')).toBeUndefined();
  });

  it('offers each role only the moves it may make', () => {
    expect(nextStatuses('draft', as('reporter'))).toEqual(['submitted']);
    expect(nextStatuses('submitted', as('reporter'))).toEqual(['draft']);
    expect(nextStatuses('submitted', as('section_editor')).sort()).toEqual(['approved', 'changes_requested', 'draft', 'review', 'spiked'].sort());
    expect(nextStatuses('approved', as('reporter'))).toEqual([]);
    expect(nextStatuses('approved', as('chief_editor')).sort()).toEqual(['published', 'review', 'spiked'].sort());
  });

  it('reaches every status from a draft, and finds the shortest way', () => {
    for (const status of articleStatuses) expect(workflowPath('draft', status), status).not.toBeNull();
    expect(workflowPath('draft', 'published')).toEqual(['submitted', 'approved', 'published']);
    expect(workflowPath('published', 'published')).toEqual([]);
    // Every move is between two known statuses, and none is listed twice.
    const keys = transitions.map((t) => `${t.from}>${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of transitions) expect(articleStatuses).toContain(t.to);
  });
});
