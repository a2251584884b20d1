import {
  ArrowDown,
  ArrowUp,
  AudioLines,
  Bot,
  Brain,
  Check,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  ChevronsUpDown,
  ChevronUp,
  CircleCheck,
  CircleExclamationPoint,
  Code,
  Columns2,
  Copy,
  Database,
  Dices,
  Download,
  Ellipsis,
  ExternalLink,
  Eye,
  FileDown,
  FileText,
  Film,
  Folder,
  FolderPlus,
  HardDrive,
  Image,
  ImagePlus,
  Info,
  KeyRound,
  Languages,
  LoaderCircle,
  type LucideIcon,
  Maximize2,
  Menu,
  MessageSquare,
  Mic,
  Minus,
  Monitor,
  Moon,
  PanelLeft,
  Paperclip,
  Pause,
  Pencil,
  Pin,
  Play,
  Plus,
  RefreshCcw,
  RotateCw,
  Search,
  Settings,
  SlidersVertical,
  Sparkles,
  Square,
  SquarePen,
  Sun,
  Trash,
  TriangleExclamationPoint,
  Undo2,
  Upload,
  Video,
  Volume2,
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

// The studios' own sets (images, video, speech) and what the primitives and Settings need.
export const ChevronUpIcon = (p: IconProps) => glyph(ChevronUp, p);
export const ChevronsUpDownIcon = (p: IconProps) => glyph(ChevronsUpDown, p);
export const MinusIcon = (p: IconProps) => glyph(Minus, p);
export const PauseIcon = (p: IconProps) => glyph(Pause, p);
export const SpinnerIcon = (p: IconProps) => glyph(LoaderCircle, p);
export const DiceIcon = (p: IconProps) => glyph(Dices, p);
export const DownloadIcon = (p: IconProps) => glyph(Download, p);
export const UploadIcon = (p: IconProps) => glyph(Upload, p);
export const ReuseIcon = (p: IconProps) => glyph(RefreshCcw, p);
export const ReferenceIcon = (p: IconProps) => glyph(ImagePlus, p);
export const ExpandIcon = (p: IconProps) => glyph(Maximize2, p);
export const SparkIcon = (p: IconProps) => glyph(Sparkles, p);
export const FilmIcon = (p: IconProps) => glyph(Film, p);
export const ImageIcon = (p: IconProps) => glyph(Image, p);
export const VideoIcon = (p: IconProps) => glyph(Video, p);
export const AudioIcon = (p: IconProps) => glyph(AudioLines, p);
export const SpeakerIcon = (p: IconProps) => glyph(Volume2, p);
export const MicIcon = (p: IconProps) => glyph(Mic, p);
export const ChatIcon = (p: IconProps) => glyph(MessageSquare, p);
export const NewChatIcon = (p: IconProps) => glyph(SquarePen, p);
export const AttachIcon = (p: IconProps) => glyph(Paperclip, p);
export const CompareIcon = (p: IconProps) => glyph(Columns2, p);
export const BotIcon = (p: IconProps) => glyph(Bot, p);
export const CodeIcon = (p: IconProps) => glyph(Code, p);
export const EyeIcon = (p: IconProps) => glyph(Eye, p);
export const ExternalLinkIcon = (p: IconProps) => glyph(ExternalLink, p);
export const ExportIcon = (p: IconProps) => glyph(FileDown, p);
export const DocumentIcon = (p: IconProps) => glyph(FileText, p);
export const UndoIcon = (p: IconProps) => glyph(Undo2, p);
export const FolderIcon = (p: IconProps) => glyph(Folder, p);
export const FolderPlusIcon = (p: IconProps) => glyph(FolderPlus, p);
export const SettingsIcon = (p: IconProps) => glyph(Settings, p);
export const SunIcon = (p: IconProps) => glyph(Sun, p);
export const MoonIcon = (p: IconProps) => glyph(Moon, p);
export const MonitorIcon = (p: IconProps) => glyph(Monitor, p);
export const LanguagesIcon = (p: IconProps) => glyph(Languages, p);
export const KeyIcon = (p: IconProps) => glyph(KeyRound, p);
export const DatabaseIcon = (p: IconProps) => glyph(Database, p);
export const StorageIcon = (p: IconProps) => glyph(HardDrive, p);
export const InfoIcon = (p: IconProps) => glyph(Info, p);
export const AlertIcon = (p: IconProps) => glyph(CircleExclamationPoint, p);
export const WarningIcon = (p: IconProps) => glyph(TriangleExclamationPoint, p);
export const SuccessIcon = (p: IconProps) => glyph(CircleCheck, p);
