"use client";

import { Menu, MenuItem, type MenuProps } from "./menu";

export interface ActionMenuItem {
  label: string;
  onClick: () => void;
  danger?: boolean;
}

/** The lazily loaded half of ActionMenu (action-menu.tsx): the Base UI menu itself. */
export default function ActionMenuList({
  items,
  ...menu
}: Omit<MenuProps, "children"> & { items: readonly ActionMenuItem[] }) {
  return (
    <Menu {...menu}>
      {items.map((item) => (
        <MenuItem key={item.label} danger={item.danger} onClick={item.onClick}>
          {item.label}
        </MenuItem>
      ))}
    </Menu>
  );
}
