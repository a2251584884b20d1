/** [text, light color, dark color, font style bits (1 italic, 2 bold, 4 underline)] */
export type Token = [string, string, string, number];

export interface HighlightRequest {
  id: number;
  code: string;
  lang: string;
}

export interface HighlightResponse {
  id: number;
  tokens: Token[][] | null;
}
