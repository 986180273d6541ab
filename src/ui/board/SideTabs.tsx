import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { ListingSide } from '../../domain/events';

const SIDES: readonly ListingSide[] = ['offer', 'need'];

export interface SideTabsProps {
  readonly label: string;
  readonly current: ListingSide;
  readonly onChange: (side: ListingSide) => void;
  readonly tabLabel: (side: ListingSide) => string;
  /** The content of the selected side's panel. */
  readonly children: ComponentChildren;
}

/**
 * Offers and needs as a tab list, following the ARIA pattern: one tab in the
 * tab order, arrow keys, Home and End move between tabs and select them.
 */
export function SideTabs({ label, current, onChange, tabLabel, children }: SideTabsProps) {
  const tabs = useRef<Partial<Record<ListingSide, HTMLButtonElement | null>>>({});
  const select = (side: ListingSide): void => {
    onChange(side);
    tabs.current[side]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = SIDES.indexOf(current);
    const last = SIDES.length - 1;
    const next: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
    const target = SIDES[next[event.key] ?? -1];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  };
  return (
    <>
      <div class="side-tabs" role="tablist" aria-label={label}>
        {SIDES.map((side) => (
          <button
            key={side}
            ref={(element) => {
              tabs.current[side] = element;
            }}
            type="button"
            role="tab"
            id={`board-tab-${side}`}
            aria-selected={side === current}
            aria-controls={`board-panel-${side}`}
            tabIndex={side === current ? 0 : -1}
            onClick={() => select(side)}
            onKeyDown={onKeyDown}
          >
            {tabLabel(side)}
          </button>
        ))}
      </div>
      {SIDES.map((side) => (
        <div key={side} role="tabpanel" id={`board-panel-${side}`} aria-labelledby={`board-tab-${side}`} hidden={side !== current} tabIndex={0}>
          {side === current && children}
        </div>
      ))}
    </>
  );
}
