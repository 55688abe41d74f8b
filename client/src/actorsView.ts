import * as vscode from 'vscode';
import type { Location } from 'vscode-languageclient/node';
import type { ServerConnection } from './serverConnection';
import { isMultiRoot } from './workspaceFolders';
import {
  ActorActivityRequest,
  ActorsRequest,
  type ActorActivityResult,
  type ActorClaimInfo,
  type ActorInfo,
  type ActorMentionInfo,
  type ActorsResult,
} from './protocol';

export const ACTORS_VIEW_ID = 'policyAnnotator.actors';
export const REVEAL_COMMAND = 'policyAnnotator.revealLocation';

/** The workspace folder a node belongs to (its URI as the server spells it), or undefined in a single-folder window. */
type Scope = string | undefined;

type Node =
  | { type: 'folder'; folder: vscode.WorkspaceFolder; scope: string }
  | { type: 'kind'; kind: string; actors: ActorInfo[]; scope: Scope; entity?: true }
  | { type: 'entities'; kinds: Node[]; count: number; scope: Scope }
  | { type: 'actor'; actor: ActorInfo; scope: Scope; entity?: true }
  | { type: 'section'; actor: ActorInfo; section: 'claims' | 'about' | 'mentions'; activity: ActorActivityResult; scope: Scope; entity?: true }
  | { type: 'claim'; claim: ActorClaimInfo }
  | { type: 'mention'; mention: ActorMentionInfo }
  | { type: 'message'; text: string };

const KIND_ICONS: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  government: 'law',
  military: 'shield',
  'intelligence-agency': 'eye',
  'armed-group': 'flame',
  'political-party': 'megaphone',
  movement: 'megaphone',
  state: 'globe',
  'international-organization': 'globe',
  media: 'broadcast',
  population: 'account',
};
/** Format v1.1 entity kinds (places, projects, …), listed under "Entities". */
const ENTITY_KIND_ICONS: Record<string, string> = {
  place: 'location',
  project: 'project',
  law: 'law',
  event: 'calendar',
  document: 'file-text',
};

function kindLabel(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The Actors view in the explorer: actors grouped by kind (under their
 * workspace folder, in a multi-root workspace), each with the claims it
 * makes, the claims about it and its mentions. A click reveals
 * the actor's definition, or the claim's or mention's span in the text. It
 * reloads when the server says the annotations changed; an actor's claims
 * and mentions are fetched when it is expanded.
 */
export class ActorsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The actors of each folder (key: its URI, or '' for the whole window), fetched when first shown. */
  private readonly actors = new Map<string, Promise<ActorsResult | undefined>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly server: ServerConnection) {
    this.subscriptions = [server.onIndexChanged(() => this.refresh()), vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh())];
  }

  refresh(): void {
    this.actors.clear();
    this.changed.fire(undefined);
  }

  private loadActors(scope: Scope): Promise<ActorsResult | undefined> {
    let loading = this.actors.get(scope ?? '');
    if (!loading) {
      loading = this.server.isRunning ? this.server.sendRequest(ActorsRequest, scope ? { uri: scope } : {}).catch(() => undefined) : Promise.resolve(undefined);
      this.actors.set(scope ?? '', loading);
    }
    return loading;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!isMultiRoot()) return this.kinds(undefined);
      // One node per folder: actors of different folders are different actors, even when their ids are the same.
      return (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ type: 'folder', folder, scope: this.server.client.code2ProtocolConverter.asUri(folder.uri) }));
    }
    switch (node.type) {
      case 'folder':
        return this.kinds(node.scope);
      case 'kind':
        return node.actors.map((actor) => ({ type: 'actor', actor, scope: node.scope, ...(node.entity ? { entity: true as const } : {}) }));
      case 'entities':
        return node.kinds;
      case 'actor': {
        const activity = await this.server.sendRequest(ActorActivityRequest, { id: node.actor.id, ...(node.scope ? { uri: node.scope } : {}) }).catch(() => undefined);
        if (!activity) return [{ type: 'message', text: 'The language server did not answer.' }];
        const sections: Node[] = [];
        const scope = node.scope;
        const entity = node.entity ? { entity: true as const } : {};
        if (activity.claims.some((claim) => claim.role === 'claimant')) sections.push({ type: 'section', actor: node.actor, section: 'claims', activity, scope, ...entity });
        if (activity.claims.some((claim) => claim.role === 'about')) sections.push({ type: 'section', actor: node.actor, section: 'about', activity, scope, ...entity });
        if (activity.mentions.length > 0) sections.push({ type: 'section', actor: node.actor, section: 'mentions', activity, scope, ...entity });
        return sections;
      }
      case 'section':
        if (node.section === 'mentions') return node.activity.mentions.map((mention) => ({ type: 'mention', mention }));
        return node.activity.claims.filter((claim) => claim.role === (node.section === 'claims' ? 'claimant' : 'about')).map((claim) => ({ type: 'claim', claim }));
      default:
        return [];
    }
  }

  /** The actors of a folder (or of the window) grouped by kind, in the order of the vocabulary; then its entities, under one node, grouped likewise. */
  private async kinds(scope: Scope): Promise<Node[]> {
    const result = await this.loadActors(scope);
    if (!result) return [{ type: 'message', text: 'Waiting for the language server…' }];
    const entities = result.entities ?? [];
    if (result.actors.length + entities.length === 0) return result.ready ? [] : [{ type: 'message', text: 'Indexing the annotations…' }];
    const groups = (things: ActorInfo[], vocabulary: string[], entity: boolean): Node[] => {
      const order = (kind: string) => (vocabulary.includes(kind) ? vocabulary.indexOf(kind) : vocabulary.length);
      const byKind = new Map<string, ActorInfo[]>();
      for (const thing of things) byKind.set(thing.kind, [...(byKind.get(thing.kind) ?? []), thing]);
      return [...byKind].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)).map(([kind, actors]) => ({ type: 'kind', kind, actors, scope, ...(entity ? { entity: true as const } : {}) }));
    };
    const nodes = groups(result.actors, result.actorKinds, false);
    if (entities.length > 0) nodes.push({ type: 'entities', kinds: groups(entities, result.entityKinds ?? [], true), count: entities.length, scope });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    // Tree item ids must be unique in the view: in a multi-root workspace they start with the folder.
    const prefix = 'scope' in node && node.scope ? `${node.scope}|` : '';
    switch (node.type) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `folder:${node.scope}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.folder.uri;
        return item;
      }
      case 'kind': {
        const item = new vscode.TreeItem(kindLabel(node.kind), vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.actors.length);
        item.iconPath = new vscode.ThemeIcon((node.entity ? ENTITY_KIND_ICONS : KIND_ICONS)[node.kind] ?? (node.entity ? 'symbol-misc' : 'symbol-class'));
        item.id = `${prefix}${node.entity ? 'entity-kind' : 'kind'}:${node.kind}`;
        return item;
      }
      case 'entities': {
        const item = new vscode.TreeItem('Entities', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.count);
        item.tooltip = 'Places, projects, laws and other named things that are not actors: what claims are about, and where the texts mention them.';
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.id = `${prefix}entities`;
        return item;
      }
      case 'actor': {
        const { actor } = node;
        const busy = actor.claims + actor.claimsAbout + actor.mentions > 0;
        const item = new vscode.TreeItem(actor.name, busy ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        // An id defined as both an actor and an entity (an error the checks report) must not break the view: the two get different tree ids.
        item.id = `${prefix}${node.entity ? 'entity' : 'actor'}:${actor.id}`;
        item.description = [plural(actor.mentions, 'mention'), ...(actor.claims > 0 ? [plural(actor.claims, 'claim')] : [])].join(' · ');
        // Names, aliases and descriptions come from the workspace: appended as text (escaped), never as Markdown.
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown('**').appendText(actor.name).appendMarkdown('**').appendText(` (${actor.id}) · ${actor.kind}`);
        if (actor.aliases.length > 0) tooltip.appendMarkdown('\n\n').appendText(`Aliases: ${actor.aliases.map((alias) => `“${alias}”`).join(', ')}`);
        if (actor.description) tooltip.appendMarkdown('\n\n').appendText(actor.description.replace(/\s+/g, ' '));
        item.tooltip = tooltip;
        item.contextValue = node.entity ? 'entity' : 'actor';
        item.command = this.reveal(actor.location, `Go to the definition of ${actor.name}`);
        return item;
      }
      case 'section': {
        const count = node.section === 'mentions' ? node.activity.mentions.length : node.activity.claims.filter((claim) => claim.role === (node.section === 'claims' ? 'claimant' : 'about')).length;
        const label = node.section === 'claims' ? 'Claims' : node.section === 'about' ? 'Claims about it' : 'Mentions';
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${prefix}${node.entity ? 'entity-' : ''}section:${node.actor.id}:${node.section}`;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(node.section === 'mentions' ? 'references' : 'quote');
        return item;
      }
      case 'claim': {
        const { claim } = node;
        const item = new vscode.TreeItem(claim.quote ? `“${claim.quote.replace(/\s+/g, ' ')}”` : (claim.id ?? 'claim'));
        item.description = [claim.id, claim.stance && claim.concept ? `${claim.stance} ${claim.concept}` : undefined, claim.type].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString().appendText(`Claim ${claim.id ?? '(no id)'}${claim.type ? ` (${claim.type})` : ''}`);
        if (!claim.textLocation) item.tooltip.appendMarkdown('\n\n').appendText('Its quote does not resolve in the text.');
        item.iconPath = new vscode.ThemeIcon('comment-discussion');
        item.contextValue = 'claim';
        item.command = this.reveal(claim.textLocation ?? claim.location, claim.textLocation ? 'Show the claim in the text' : 'Show the claim');
        return item;
      }
      case 'mention': {
        const { mention } = node;
        const item = new vscode.TreeItem(mention.excerpt);
        const file = mention.location.uri.slice(mention.location.uri.lastIndexOf('/') + 1);
        item.description = `${decodeURIComponent(file)}:${mention.location.range.start.line + 1}${mention.source === 'explicit' ? ' · explicit' : ''}`;
        item.iconPath = new vscode.ThemeIcon('symbol-reference');
        item.command = this.reveal(mention.location, 'Show the mention');
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text);
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
    }
  }

  private reveal(location: Location, title: string): vscode.Command {
    return { command: REVEAL_COMMAND, title, arguments: [location.uri, location.range] };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
