import type { SemanticTokensLegend } from 'vscode-languageserver';
import { SEMANTIC_TOKEN_FALLBACKS, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, type SemanticTokenModifier, type SemanticTokenType } from '../core/features';

/**
 * The legend: the custom token types (which the VS Code manifest maps to
 * standard ones with `superType`), or, for editors that were asked to
 * (initializationOptions.semanticTokenTypes = "standard"), the standard
 * types they fall back to.
 */
export function semanticTokensLegend(standardOnly: boolean): SemanticTokensLegend {
  return {
    tokenTypes: SEMANTIC_TOKEN_TYPES.map((type) => (standardOnly ? SEMANTIC_TOKEN_FALLBACKS[type] : type)),
    tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
  };
}

export function tokenTypeIndex(type: SemanticTokenType): number {
  return SEMANTIC_TOKEN_TYPES.indexOf(type);
}

export function tokenModifierBits(modifiers: readonly SemanticTokenModifier[]): number {
  return modifiers.reduce((bits, modifier) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(modifier)), 0);
}
