export * from './duration-alarm';
