/** A translation has exactly the keys of the English strings of its area. */
export type Translation<English> = { readonly [K in keyof English]: string };
