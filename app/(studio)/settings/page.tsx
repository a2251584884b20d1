import { SettingsView } from "@/components/settings/settings-view";
import { pageTitle } from "@/lib/i18n/server";

export const generateMetadata = pageTitle("nav.settings");

export default function SettingsPage() {
  return <SettingsView />;
}
