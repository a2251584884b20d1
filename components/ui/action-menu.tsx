"use client";

import { cloneElement, lazy, type ReactElement, Suspense } from "react";
import type { ActionMenuItem } from "./action-menu-list";
import type { MenuProps } from "./menu";

// Base UI's menu is ~28 KB gzip. Pages whose menus sit behind something that may not exist on a
// first visit (a folder's ⋯) load it with the first menu drawn, not with the page (issue 25's
// first-load budget). Until it arrives the trigger is drawn disabled, so nothing can be clicked
// into a menu that cannot open yet (and tests wait for it to be enabled).
const ActionMenuList = lazy(() => import("./action-menu-list"));

/** A menu of plain actions (Menu + MenuItem), loaded on first use. */
export function ActionMenu({
  trigger,
  items,
  ...rest
}: Omit<MenuProps, "children" | "trigger"> & {
  trigger: ReactElement<{ disabled?: boolean }>;
  items: readonly ActionMenuItem[];
}) {
  return (
    <Suspense fallback={cloneElement(trigger, { disabled: true })}>
      <ActionMenuList trigger={trigger} items={items} {...rest} />
    </Suspense>
  );
}
