import { Grid } from 'antd';

/** Below antd's `md` breakpoint (768 px): phone layout. */
export function useIsMobile(): boolean {
  return Grid.useBreakpoint().md === false;
}

/** A filter control's width: its own on a desktop, the full row on a phone. */
export const filterWidth = (isMobile: boolean, width: number) => ({ width: isMobile ? '100%' : width });
