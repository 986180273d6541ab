import type { ListingSide, SkillRef } from '../../domain/events';

/**
 * The side and skill last chosen on the board, kept while the app is open: a
 * member who opens a listing, or posts one, comes back to the board as they
 * left it, or on the side they just posted to.
 */
export const boardChoice: { side: ListingSide; skill: SkillRef | null } = { side: 'offer', skill: null };
