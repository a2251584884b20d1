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

function decorative(Glyph: LucideIcon, fixed?: Partial<IconProps>) {
  const Icon = ({ size = 16, ...rest }: IconProps) => (
    <Glyph size={size} {...fixed} {...rest} aria-hidden="true" focusable="false" />
  );
  Icon.displayName = `${Glyph.displayName ?? "Icon"}Icon`;
  return Icon;
}

// Names the app already used.
export const PlusIcon = decorative(Plus);
export const ArrowUpIcon = decorative(ArrowUp);
export const ArrowDownIcon = decorative(ArrowDown);
export const StopIcon = decorative(Square, { fill: "currentColor" });
export const CopyIcon = decorative(Copy);
export const CheckIcon = decorative(Check);
export const RefreshIcon = decorative(RotateCw);
export const PencilIcon = decorative(Pencil);
export const ChevronLeftIcon = decorative(ChevronLeft);
export const ChevronRightIcon = decorative(ChevronRight);
export const ChevronDownIcon = decorative(ChevronDown);
export const SlidersIcon = decorative(SlidersVertical);
export const MenuIcon = decorative(Menu);
export const SidebarIcon = decorative(PanelLeft);
export const SearchIcon = decorative(Search);
export const PinIcon = decorative(Pin);
export const TrashIcon = decorative(Trash);
export const MoreIcon = decorative(Ellipsis);
export const PlayIcon = decorative(Play);
export const CloseIcon = decorative(X);
export const BrainIcon = decorative(Brain);

// The studios' own sets (images, video, speech) and what the primitives and Settings need.
export const ChevronUpIcon = decorative(ChevronUp);
export const ChevronsUpDownIcon = decorative(ChevronsUpDown);
export const MinusIcon = decorative(Minus);
export const PauseIcon = decorative(Pause);
export const SpinnerIcon = decorative(LoaderCircle);
export const DiceIcon = decorative(Dices);
export const DownloadIcon = decorative(Download);
export const UploadIcon = decorative(Upload);
export const ReuseIcon = decorative(RefreshCcw);
export const ReferenceIcon = decorative(ImagePlus);
export const ExpandIcon = decorative(Maximize2);
export const SparkIcon = decorative(Sparkles);
export const FilmIcon = decorative(Film);
export const ImageIcon = decorative(Image);
export const VideoIcon = decorative(Video);
export const AudioIcon = decorative(AudioLines);
export const SpeakerIcon = decorative(Volume2);
export const MicIcon = decorative(Mic);
export const ChatIcon = decorative(MessageSquare);
export const NewChatIcon = decorative(SquarePen);
export const AttachIcon = decorative(Paperclip);
export const CompareIcon = decorative(Columns2);
export const BotIcon = decorative(Bot);
export const CodeIcon = decorative(Code);
export const EyeIcon = decorative(Eye);
export const ExternalLinkIcon = decorative(ExternalLink);
export const ExportIcon = decorative(FileDown);
export const UndoIcon = decorative(Undo2);
export const FolderIcon = decorative(Folder);
export const FolderPlusIcon = decorative(FolderPlus);
export const SettingsIcon = decorative(Settings);
export const SunIcon = decorative(Sun);
export const MoonIcon = decorative(Moon);
export const MonitorIcon = decorative(Monitor);
export const LanguagesIcon = decorative(Languages);
export const KeyIcon = decorative(KeyRound);
export const DatabaseIcon = decorative(Database);
export const StorageIcon = decorative(HardDrive);
export const InfoIcon = decorative(Info);
export const AlertIcon = decorative(CircleExclamationPoint);
export const WarningIcon = decorative(TriangleExclamationPoint);
export const SuccessIcon = decorative(CircleCheck);
