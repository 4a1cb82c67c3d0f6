export const stats = {
  en: {},
  ja: {},
};
