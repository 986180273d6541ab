/** A set of callbacks; subscribing returns the matching unsubscribe. */
export interface Listeners<T> {
  readonly add: (listener: (value: T) => void) => () => void;
  readonly emit: (value: T) => void;
}

export function createListeners<T>(): Listeners<T> {
  const set = new Set<(value: T) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(value) {
      // A copy, so a listener that unsubscribes while being called does not skip the next one.
      for (const listener of [...set]) listener(value);
    },
  };
}
