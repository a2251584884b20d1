import {
  ArrowDown,
  ArrowUp,
  Bot,
  Brain,
  Check,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  ChevronsUpDown,
  Code,
  Copy,
  Download,
  Ellipsis,
  ExternalLink,
  Eye,
  FileDown,
  FileText,
  Folder,
  FolderPlus,
  Gauge,
  Image,
  LoaderCircle,
  type LucideIcon,
  Maximize2,
  Menu,
  Minus,
  PanelLeft,
  Pencil,
  Pin,
  Play,
  Plus,
  RotateCw,
  Search,
  SlidersVertical,
  Square,
  Trash,
  Undo2,
  Upload,
  X,
} from "lucide-react";
import type { SVGProps } from "react";

// The app's one icon set: lucide, imported per icon so only these ship. Every icon is decorative
// (aria-hidden, not focusable): the control that holds one carries the accessible name. Stable names
// here mean a slice never imports lucide directly and a glyph can change in one place.

type IconProps = Omit<SVGProps<SVGSVGElement>, "ref"> & { size?: number };

// Each name is its own arrow function (no call at module level), so a bundler drops the icons a
// page does not import.
function glyph(Glyph: LucideIcon, { size = 16, ...rest }: IconProps, fixed?: Partial<IconProps>) {
  return <Glyph size={size} {...fixed} {...rest} aria-hidden="true" focusable="false" />;
}

// Names the app already used.
export const PlusIcon = (p: IconProps) => glyph(Plus, p);
export const ArrowUpIcon = (p: IconProps) => glyph(ArrowUp, p);
export const ArrowDownIcon = (p: IconProps) => glyph(ArrowDown, p);
export const StopIcon = (p: IconProps) => glyph(Square, p, { fill: "currentColor" });
export const CopyIcon = (p: IconProps) => glyph(Copy, p);
export const CheckIcon = (p: IconProps) => glyph(Check, p);
export const RefreshIcon = (p: IconProps) => glyph(RotateCw, p);
export const PencilIcon = (p: IconProps) => glyph(Pencil, p);
export const ChevronLeftIcon = (p: IconProps) => glyph(ChevronLeft, p);
export const ChevronRightIcon = (p: IconProps) => glyph(ChevronRight, p);
export const ChevronDownIcon = (p: IconProps) => glyph(ChevronDown, p);
export const SlidersIcon = (p: IconProps) => glyph(SlidersVertical, p);
export const MenuIcon = (p: IconProps) => glyph(Menu, p);
export const SidebarIcon = (p: IconProps) => glyph(PanelLeft, p);
export const SearchIcon = (p: IconProps) => glyph(Search, p);
export const PinIcon = (p: IconProps) => glyph(Pin, p);
export const TrashIcon = (p: IconProps) => glyph(Trash, p);
export const MoreIcon = (p: IconProps) => glyph(Ellipsis, p);
export const PlayIcon = (p: IconProps) => glyph(Play, p);
export const CloseIcon = (p: IconProps) => glyph(X, p);
export const BrainIcon = (p: IconProps) => glyph(Brain, p);
export const GaugeIcon = (p: IconProps) => glyph(Gauge, p);

// The studios' own sets (images, video, speech) and what the primitives and Settings need.
export const ChevronsUpDownIcon = (p: IconProps) => glyph(ChevronsUpDown, p);
export const MinusIcon = (p: IconProps) => glyph(Minus, p);
export const SpinnerIcon = (p: IconProps) => glyph(LoaderCircle, p);
export const DownloadIcon = (p: IconProps) => glyph(Download, p);
export const UploadIcon = (p: IconProps) => glyph(Upload, p);
export const ExpandIcon = (p: IconProps) => glyph(Maximize2, p);
export const ImageIcon = (p: IconProps) => glyph(Image, p);
export const BotIcon = (p: IconProps) => glyph(Bot, p);
export const CodeIcon = (p: IconProps) => glyph(Code, p);
export const EyeIcon = (p: IconProps) => glyph(Eye, p);
export const ExternalLinkIcon = (p: IconProps) => glyph(ExternalLink, p);
export const ExportIcon = (p: IconProps) => glyph(FileDown, p);
export const DocumentIcon = (p: IconProps) => glyph(FileText, p);
export const UndoIcon = (p: IconProps) => glyph(Undo2, p);
export const FolderIcon = (p: IconProps) => glyph(Folder, p);
export const FolderPlusIcon = (p: IconProps) => glyph(FolderPlus, p);
